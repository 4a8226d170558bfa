// The per-compile state the markdown-it rules share through `env` (markdown-it's convention).

import type { Blank, Cell, Diagnostic, Exercise, LessonLink, Prediction, Section } from "../types.ts";

/** What the rules of one compile read and write. */
export interface LessonEnv {
  /** The .md file's lines, normalized like markdown-it's input (LF, NUL → U+FFFD). */
  lines: string[];
  diagnostics: Diagnostic[];
  cells: Cell[];
  blanks: Blank[];
  predictions: Prediction[];
  sections: Section[];
  /** The exercises, grouped once the cells are collected (exercises.ts). */
  exercises?: Exercise[];
  /** The links that stay on the site, in document order (collectLinks). */
  links?: LessonLink[];
  /** The ids links may point at: headings' anchors and ids in the prose's HTML (collectLinks). */
  anchors?: string[];
  /** CompileOptions.linkHref: the href a link is rendered with, or undefined to keep it. */
  linkHref?: (href: string) => string | undefined;
  /** Cache for the inline math rule: the unescaped `$` offsets of the inline text last seen. */
  mathSource?: string;
  mathDollars?: number[];
  /** The inline text in which a `${` was left unclosed: later `${` in it are plain text. */
  unclosedSource?: string;
  /** The inline text in which a `[[` was left unclosed: later `[[` in it are plain text. */
  unclosedBlankSource?: string;
  /** How many blanks so far have each id hash (repeats get `-2`, `-3`…). */
  blankIds?: Map<string, number>;
}

/** The lesson state in a markdown-it `env` (markdown-it types env loosely). */
export function readEnv(env: object): LessonEnv {
  return env as LessonEnv;
}

/** Adds a cell to the lesson (suffixing a repeated id) with its diagnostics. */
export type AddCell = (cell: Cell, diagnostics: Diagnostic[]) => void;

/** Where the walk over tokens is: the prediction whose question it is in, and those whose hidden part it is in. */
export interface PredictScope {
  question: Prediction | null;
  bodies: Prediction[];
}

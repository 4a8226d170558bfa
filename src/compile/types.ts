// The data the compiler produces: the contract between compile/, runtime/, editor/, vite/ and cli/.

import type { Diagnostic } from "../contract/diagnostic.ts";

/** A problem in a lesson, located in the .md file: the one Diagnostic, re-exported as part of the compiler's API. */
export type { Diagnostic };

/** Options from a fence's info string (` ```ts hide run=false editable=false `). */
export interface CellOptions {
  hide: boolean;
  run: boolean;
  editable: boolean;
  /**
   * `prerender=false`: a built page does not show this cell's first output ahead of JavaScript
   * (what it shows depends on the moment or the reader). Absent unless written; cells that read
   * the time, unseeded randomness or storage are left out anyway (findPrerenderBlocker).
   */
  prerender?: boolean;
}

/** One live cell: a fenced ts/js block, or an inline `${expr}` in prose. */
export interface Cell {
  /** Content hash of (lang, source, inline): an unchanged cell keeps its id across edits. */
  id: string;
  /** 1-based line of the cell's first line of code in the .md file. */
  line: number;
  /** 1-based column of the cell's first character of code (1 for fences; after `${` for inline). */
  column: number;
  lang: "ts" | "js";
  /** True for an inline `${expr}` in prose. */
  inline: boolean;
  /** The code exactly as written in the lesson (TypeScript included). */
  source: string;
  /** The code as JavaScript: types blanked to spaces, so every line and column is unchanged. */
  js: string;
  /** Free names the cell reads (excluding JavaScript globals), sorted. */
  inputs: string[];
  /** Top-level names the cell declares (imports included), in source order. */
  outputs: string[];
  /** True when the cell is a single expression, which displays its value. */
  expression: boolean;
  /** True when the cell uses top-level `await`. */
  async: boolean;
  /** True when the cell uses top-level `yield` (it becomes a generator). */
  generator: boolean;
  /** Module specifiers the cell imports (`import {x} from "live-lesson/math"`). */
  imports: string[];
  options: CellOptions;
  /** The exercise's id when the cell is a ` ```ts exercise ` starter (it may read `seed`). */
  exercise?: string;
}

/** Front matter fields the dialect knows; others are kept as written. */
export interface FrontMatter {
  title?: string;
  chapter?: string;
  order?: number;
  summary?: string;
  minutes?: number;
  prerequisites?: string[];
  next?: string;
  [key: string]: unknown;
}

/** An answer a blank accepts, or a wrong one its feedback names. */
export type BlankAnswer =
  | { kind: "number"; value: number; tolerance?: Tolerance }
  | { kind: "text"; text: string }
  /** A live value: `cell` is the id of the inline cell that computes it (its output is hidden in the blank). */
  | { kind: "live"; source: string; offset: number; tolerance?: Tolerance; cell?: string }
  /** A formula in TeX, checked by evaluating both at seeded points. */
  | { kind: "formula"; tex: string };

/** How far a number may be from the answer: absolute, or relative (a fraction of the answer). */
export interface Tolerance {
  value: number;
  relative: boolean;
}

/** A message for one wrong answer (`match`), or for any other (`match: null`). */
export interface BlankFeedback {
  match: BlankAnswer | null;
  message: string;
}

/** A blank in prose, `[[3.4 ± 0.01]]`: an input the reader fills in. */
export interface Blank {
  /** A hash of the blank's inside (with `-2`, `-3`… for repeats): a record's answers survive edits elsewhere. */
  id: string;
  /** Where the blank's `[[` is in the .md file. */
  line: number;
  column: number;
  /** The inside as written. */
  source: string;
  answers: BlankAnswer[];
  feedback: BlankFeedback[];
  /** The input's accessible name: the prose just before the blank. */
  label: string;
  /** The prediction whose question holds the blank, if any. */
  predict?: string;
}

/** A `> [!PREDICT]` question and what it hides. */
export interface Prediction {
  /** A hash of the question (with `-2`… for repeats). */
  id: string;
  line: number;
  title: string;
  /** The blanks of its question, in order. */
  blanks: string[];
  /** The cells in its question (a `guess()` on a figure lives in one). */
  cells: string[];
  /** The .md lines it hides, first and last (1-based), or null when nothing follows it. */
  hidden: [number, number] | null;
  /** The cells it hides: a prerendered page must keep them out of sight too. */
  hiddenCells: string[];
}

/** A section of the lesson (an h2 or h3): reaching it is progress. */
export interface Section {
  /** Its heading's anchor (or a hash of it when the anchor is not a plain id). */
  id: string;
  /** Its heading's `id` in the page. */
  anchor: string;
  title: string;
  level: number;
  line: number;
}

/** What a lesson offers to learn from, for the page, the record and `lesson verify`. */
export interface LessonLearning {
  /** A hash of the lesson's text: a learning record names the version it was made on. */
  version: string;
  blanks: Blank[];
  predictions: Prediction[];
  sections: Section[];
}

/** A ` ```ts check ` fence: one expression over an exercise's names, its probes the array's items. */
export interface ExerciseCheck {
  /** The check as a cell (an expression; never one of the page's cells): its inputs, its JavaScript. */
  cell: Cell;
  /** Each probe's source as written (`dLdw(1)`): the items of a top-level array, else the whole expression. */
  probes: string[];
  /** `check sealed`: the page gets hashes of the expected values, never the values. */
  sealed: boolean;
  /** Relative tolerance for numbers (`tolerance=1e-6` by default). */
  tolerance: number;
}

/** A ` ```ts solution ` fence: the author's reference. Its source leaves the lesson before a page is made, unless `reveal`. */
export interface ExerciseSolution {
  /** 1-based line of its first line of code. */
  line: number;
  /** The code as written; "" once stripped (publicLesson). */
  source: string;
  /** `solution reveal`: the page ships it, for the student to see after confirming. */
  reveal: boolean;
}

/** An exercise: a starter cell the student edits, the author's solution, a check, progressive hints. */
export interface Exercise {
  /** The starter's first declared name, or `exercise=name`. */
  id: string;
  /** The id of the starter's cell (a live cell of the page). */
  cell: string;
  /** 1-based line of the exercise fence's opening line. */
  line: number;
  solution: ExerciseSolution | null;
  check: ExerciseCheck | null;
  /** How many `> [!HINT]` callouts follow it (each is `[data-hint="<id>/<n>"]` in the page). */
  hints: number;
  /** How many variants the fingerprint covers: 0 when neither the starter nor the check reads `seed`. */
  seeds: number;
}

/** A link the author wrote that stays on the site (no scheme): to another lesson, an anchor, an asset. */
export interface LessonLink {
  /** The target as markdown-it resolved it (`other.md#a`, `#a`), before any CompileOptions.linkHref. */
  href: string;
  /** 1-based line and column in the .md file where the target is written. */
  line: number;
  column: number;
}

/** A compiled lesson. */
export interface Lesson {
  file: string;
  title: string;
  frontMatter: FrontMatter;
  /** The page body. Each cell's output element is `<… data-cell="id" data-status="pending">`. */
  html: string;
  cells: Cell[];
  diagnostics: Diagnostic[];
  /** Blanks, predictions and sections, with their positions. */
  learning: LessonLearning;
  /** The lesson's exercises, in document order. */
  exercises: Exercise[];
  /** The links that stay on the site, in document order: the site checks the lessons and anchors they name. */
  links: LessonLink[];
  /** The ids on the page a link can point at (`other.md#id`): headings' anchors and ids in the prose's HTML. */
  anchors: string[];
}

/** Options for compileLesson. */
export interface CompileOptions {
  /** The path shown in diagnostics. */
  file?: string;
  /**
   * The href a link is rendered with, given the href written (`other.md#a`); undefined keeps it.
   * The site gives links to other lessons their page URL; the compiler knows no URLs.
   */
  linkHref?: (href: string) => string | undefined;
}

// The data the compiler produces: the contract between compile/, runtime/, editor/, vite/ and cli/.

import type { Diagnostic } from "../contract/diagnostic.ts";

/** A problem in a lesson, located in the .md file: the one Diagnostic, re-exported as part of the compiler's API. */
export type { Diagnostic };

/** Options from a fence's info string (` ```ts hide run=false editable=false `). */
export interface CellOptions {
  hide: boolean;
  run: boolean;
  editable: boolean;
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

/** A compiled lesson. */
export interface Lesson {
  file: string;
  title: string;
  frontMatter: FrontMatter;
  /** The page body. Each cell's output element is `<… data-cell="id" data-status="pending">`. */
  html: string;
  cells: Cell[];
  diagnostics: Diagnostic[];
}

/** Options for compileLesson. */
export interface CompileOptions {
  /** The path shown in diagnostics. */
  file?: string;
}

// What the page's checker and the page exchange: the cells as they are now, and what the checker
// says of them (problems, completions, hover, definitions), positions as offsets in a cell.
import type { BrowserSubset } from "./subsetBrowserTypes.ts";
import type { CellSummary } from "./summarizeCell.ts";

/** The files a checker runs on (collected in Node by src/check/collectCheckerFiles.ts). */
export interface CheckerFiles {
  /** Where live-lesson is installed among `files`, as `lessonCompilerOptions(root)` wants it. */
  root: string;
  /** Whether live-lesson's code among `files` is its built lib/ (installed) rather than src/: `lessonCompilerOptions(root, compiled)`. */
  compiled?: boolean;
  /** The folder a lesson's virtual module sits in. */
  lessonDir: string;
  /** Files every program includes besides the lesson (Vite's ambient types). */
  ambient: string[];
  /** Text by path; TypeScript's libs at the root (`/lib.dom.d.ts`). */
  files: Record<string, string>;
  /** What the build found of the lessons' cells, by content hash (summarizeCell.ts): the checker analyses only the others. */
  cells?: Record<string, CellSummary>;
  /** The browser's declarations cut to what the lessons use, for the checker's first answer (subsetBrowserTypes.ts). */
  browserSubset?: BrowserSubset;
}

/** One live cell as the page has it now (an edit in progress included). */
export interface CellText {
  id: string;
  source: string;
  lang: "ts" | "js";
  /** The cell's place in the .md file (1-based), so messages can name it. */
  line: number;
  column: number;
  inline: boolean;
}

/** A problem in a cell while it is edited: a type error (a warning: the cell still runs) or a syntax error. */
export interface CellProblem {
  cell: string;
  severity: "warning" | "error";
  code: "type" | "syntax";
  message: string;
  /** Offsets of the marked code within the cell's source. */
  from: number;
  to: number;
  /** 1-based line and column within the cell. */
  line: number;
  column: number;
}

/**
 * The problems found in the cells `checked`; `superseded`: newer cells came before the check was
 * done, so it stopped (its answer is empty); `provisional`: found by a program without some
 * libraries' declarations, which none of the checked cells needs (the whole program's answer follows).
 */
export interface CellProblems {
  checked: string[];
  problems: CellProblem[];
  superseded?: boolean;
  provisional?: boolean;
}

/** One completion: a name and, when asked for by its first letters, its type or signature. */
export interface CellCompletion {
  label: string;
  /** CodeMirror's option type (its icon): "function", "variable", "class", "property"… */
  type?: string;
  /** The signature or type, e.g. `function descend1d(options: Descend1dOptions): DescentRow[]`. */
  detail?: string;
  /** The doc comment. */
  info?: string;
  /** TypeScript's sort key: lower comes first. */
  sortText: string;
}

/** Completions at a place, replacing the text from `from`. */
export interface CellCompletions {
  from: number;
  options: CellCompletion[];
}

/** What hovering over a name shows: its type and its doc comment. */
export interface CellHover {
  from: number;
  to: number;
  signature: string;
  documentation: string;
}

/** Where a name is defined: a span of a cell's source. */
export interface CellPlace {
  cell: string;
  from: number;
  to: number;
}

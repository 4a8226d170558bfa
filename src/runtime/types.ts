// The contract between a compiled lesson module (emitted by src/vite/) and the browser runtime.

import type { Diagnostic } from "../contract/diagnostic.ts";

/** Options of a cell as the page needs them. */
export interface CellDisplayOptions {
  hide: boolean;
  run: boolean;
  editable: boolean;
}

/**
 * One cell ready to run. `body` is the cell as a function whose parameters are `params`, in order:
 * the cell's inputs (other cells' names, builtins such as `Plot` or `width`, and the per-cell
 * builtins `display` and `view`), then `__import` when the cell imports modules.
 * An expression cell's body returns its value; a program cell's body returns an object holding
 * its outputs (`{w, alpha}`), or is an (async) generator when the cell yields.
 */
export interface CellDefinition {
  id: string;
  /** 1-based line of the cell's first line of code in the .md file. */
  line: number;
  column: number;
  inline: boolean;
  lang: "ts" | "js";
  source: string;
  params: string[];
  inputs: string[];
  outputs: string[];
  expression: boolean;
  async: boolean;
  generator: boolean;
  options: CellDisplayOptions;
  /** The exercise's id when the cell is an exercise's starter (its edits may read `seed`). */
  exercise?: string;
  body: (...args: never[]) => unknown;
}

/** What a lesson module hands to the runtime, first at load and again on every hot update. */
export interface LessonModule {
  /** The .md path relative to the lessons folder, shown in error messages. */
  file: string;
  title: string;
  /** The page body HTML, with one `data-cell` element per cell. */
  html: string;
  cells: CellDefinition[];
  diagnostics: Diagnostic[];
  /** Loaders for every module a cell imports, keyed by specifier. */
  modules: Record<string, () => Promise<unknown>>;
  /**
   * Optional smaller stand-ins for library builtins, keyed by builtin name (the build gives
   * `Plot` a module of only the members the lesson's cells read). Without one, the builtin
   * loads the whole library.
   */
  libraries?: Record<string, LibrarySubset>;
  /** The lesson's exercises as src/learn/exercise/ reads them (PageExercise; the runtime only passes them on). */
  exercises?: unknown[];
}

/** A module holding some members of a library builtin, used in place of the whole library. */
export interface LibrarySubset {
  /** The members the module exports. */
  members: string[];
  load: () => Promise<unknown>;
}

/** A cell's state as `window.lesson.cells()` reports it. */
export interface CellState {
  id: string;
  line: number;
  status: "pending" | "fulfilled" | "rejected";
  error?: string;
  /** Pending for longer than the runtime waits (`error` then says so); `idle()` no longer waits for it. */
  stalled?: boolean;
}

/** `window.lesson`: the page's live API (DESIGN.md). */
export interface LessonApi {
  value(name: string): Promise<unknown>;
  set(name: string, value: unknown): Promise<void>;
  cells(): CellState[];
  idle(): Promise<void>;
  /** The learning record as xAPI statements (src/learn/ adds it on pages that install learning). */
  record?(): unknown;
  /** The exercises' states, added by src/learn/exercise/ when the lesson has exercises. */
  exercises?(): { id: string; state: "unattempted" | "failed" | "passed"; attempts: number; hints: number; solutionShown: boolean }[];
}

/** What mountLesson returns: the page's handle on the running lesson. */
export interface LessonHandle {
  /** Applies a new version of the lesson (hot reload): redefines only changed cells, keeps inputs. */
  update(module: LessonModule): void;
  /**
   * Replaces one cell's definition (an in-page edit). The new definition may declare other names.
   * Dependents recompute; every input keeps its value. Resolves once the cell has settled.
   * `definition.id` names the cell to replace (keep the original id for an edited cell).
   * Optional `diagnostics` (from analysing the edit) show in place as at load: errors stop the cell.
   */
  redefine(definition: CellDefinition, diagnostics?: readonly Diagnostic[]): Promise<CellState>;
  /** The current definition of a cell (after edits), or undefined. */
  definition(id: string): CellDefinition | undefined;
  /** Calls `listener` whenever a cell's status changes. Returns an unsubscribe function. */
  onStatus(listener: (state: CellState) => void): () => void;
  /**
   * Shows warnings found after mount (the dev server's type check) in place, next to the
   * compiler's; each call replaces the previous list. They never stop a cell, and they stay
   * across hot updates until the next call.
   */
  setWarnings(warnings: readonly Diagnostic[]): void;
  /**
   * Makes sure the library builtin `name` has `members` (null: any member, read dynamically)
   * before an edit that reads them runs: when the page's subset (LessonModule.libraries) lacks
   * one, loads the whole library and redefines the builtin to it. Resolves once it is loaded.
   */
  provideLibrary(name: string, members: readonly string[] | null): Promise<void>;
  api: LessonApi;
}

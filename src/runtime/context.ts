// The state one mounted lesson shares between mountLesson, defineCell, the API and hot reload.

import type { Module, Runtime, Variable } from "@observablehq/runtime";
import type { Diagnostic } from "../contract/diagnostic.ts";
import type { StatusBoard } from "./status.ts";
import type { CellDefinition, LessonModule } from "./types.ts";

/** A cell as defined on the runtime: its definition, output element and variables. */
export interface DefinedCell {
  definition: CellDefinition;
  element: HTMLElement;
  /** The hidden variable first, then one per output name. Empty for `run=false` cells. */
  variables: Variable[];
  /** The input element each `view()` output name reads, for `lesson.set` and hot reload. */
  views: Map<string, Element>;
  /** The compile diagnostics the cell was defined with. */
  diagnostics: readonly Diagnostic[];
  /** False once deleted: a deleted variable still reports to its observer, which must ignore it. */
  active: boolean;
  /**
   * A kept cell's (keepOutput.ts) first real run, when nothing has run it yet; set only when its
   * prerendered output listens for events, which only its cell's run adds (hydrateLater.ts).
   */
  runKept?: () => void;
  /** Cancels what the cell's latest run left running (its timers); called when the cell is deleted. */
  dispose?: () => void;
}

/** A mounted lesson's shared state. */
export interface LessonContext {
  root: HTMLElement;
  runtime: Runtime;
  main: Module;
  board: StatusBoard;
  /** Defined cells by id, in page order. */
  cells: Map<string, DefinedCell>;
  /** The current module (file, modules and diagnostics change on hot update). */
  module: LessonModule;
  /** Input values to restore by view name when a changed input cell comes back (hot reload). */
  carry: Map<string, unknown>;
  /**
   * Replaces every library subset by its whole library (a cell reached a package the built page
   * left out: contract/libraryPart.ts); the cells reading them run again. Resolves false when no
   * subset was left to replace.
   */
  provideWholeLibraries?: () => Promise<boolean>;
  /**
   * True from the start until a cell is redefined or a value set: till then a kept prerendered
   * output (keepOutput.ts) shows the build's inputs, unless an input was moved.
   */
  keeping?: boolean;
}

/** The .md line of the cell defining `name`, for error messages. */
export function locateName(context: LessonContext, name: string): number | undefined {
  for (const cell of context.cells.values()) {
    if (cell.definition.outputs.includes(name)) return cell.definition.line;
  }
  return undefined;
}

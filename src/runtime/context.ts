// The state one mounted lesson shares between mountLesson, defineCell, the API and hot reload.

import type { Module, Runtime } from "@observablehq/runtime";
import type { DefinedCell } from "./defineCell.ts";
import type { StatusBoard } from "./status.ts";
import type { LessonModule } from "./types.ts";

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
}

/** `file:line` of the cell defining `name`, for error messages. */
export function locateName(context: LessonContext, name: string): string | undefined {
  for (const cell of context.cells.values()) {
    if (cell.definition.outputs.includes(name)) return `${context.module.file}:${cell.definition.line}`;
  }
  return undefined;
}

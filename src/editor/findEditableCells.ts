// The cells a reader may edit: live block cells that run and that the author left editable.

import type { CellDefinition } from "../runtime/types.ts";

/** The author's cells that get an editor, in document order. */
export function findEditableCells(cells: readonly CellDefinition[]): CellDefinition[] {
  return cells.filter((cell) => !cell.inline && cell.options.run !== false && cell.options.editable !== false);
}

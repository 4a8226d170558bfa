// The cells an edit can break: those that read the edited cells' outputs, directly or not.
import type { CheckedCell } from "./emitLessonProgram.ts";

/** `ids` and the cells that read their outputs, directly or through other cells. */
export function findReaders(cells: readonly CheckedCell[], ids: readonly string[]): Set<string> {
  const found = new Set(ids.filter((id) => cells.some((cell) => cell.id === id)));
  const names = new Set(cells.filter((cell) => found.has(cell.id)).flatMap((cell) => cell.outputs));
  for (let grown = true; grown; ) {
    grown = false;
    for (const cell of cells) {
      if (found.has(cell.id) || !cell.inputs.some((input) => names.has(input))) continue;
      found.add(cell.id);
      cell.outputs.forEach((output) => names.add(output));
      grown = true;
    }
  }
  return found;
}

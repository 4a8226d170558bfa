// The lesson as it runs now: each running cell's current definition, edits included.

import type { EditorState } from "./editorState.ts";
import type { CellDefinition } from "../runtime/types.ts";

/** Every cell that runs, as the runtime defines it now (the reader's edit, else the author's). */
export function findCurrentDefinitions(state: Pick<EditorState, "authorCells" | "handle">): CellDefinition[] {
  return state.authorCells.filter((cell) => cell.options.run !== false).map((cell) => state.handle.definition(cell.id) ?? cell);
}

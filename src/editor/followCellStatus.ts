// An edited cell's status line follows the runtime, also when an input upstream reruns it (the
// run-time error itself is the runtime's to show, in the cell's output).

import type { EditorState } from "./editorState.ts";
import { RAN_WITH_ERROR, showProblems } from "./showProblems.ts";

/** Subscribes to the runtime's cell statuses for the edited cells; returns the unsubscribe function. */
export function followCellStatus(state: EditorState): () => void {
  return state.handle.onStatus((cell) => {
    const slot = state.slots.get(cell.id);
    if (!slot || !state.saved.cells[cell.id]) return;
    if (cell.status === "pending") slot.view.setStatus("Running…");
    else if (cell.status === "rejected") {
      // The error itself is in the cell's output (the runtime's), once: the editor only says so.
      slot.view.setStatus(RAN_WITH_ERROR);
    } else {
      slot.view.setStatus("Ran.");
      if (slot.problems === "runtime") showProblems(slot, undefined, []);
    }
  });
}

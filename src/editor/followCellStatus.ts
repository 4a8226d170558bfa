// An edited cell's status line and run-time error follow the runtime, also when an input upstream
// reruns it.

import type { EditorState } from "./editorState.ts";
import { showProblems } from "./showProblems.ts";

/** Subscribes to the runtime's cell statuses for the edited cells; returns the unsubscribe function. */
export function followCellStatus(state: EditorState): () => void {
  return state.handle.onStatus((cell) => {
    const slot = state.slots.get(cell.id);
    if (!slot || !state.saved.cells[cell.id]) return;
    if (cell.status === "pending") slot.view.setStatus("Running…");
    else if (cell.status === "rejected") {
      slot.view.setStatus("Ran with an error.");
      // A build problem stays until the next run: the runtime's error would hide why the edit was refused.
      if (slot.problems !== "build") showProblems(slot, "runtime", [cell.error ?? "This cell failed."]);
    } else {
      slot.view.setStatus("Ran.");
      if (slot.problems === "runtime") showProblems(slot, undefined, []);
    }
  });
}

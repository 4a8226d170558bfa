// Saving the reader's edits after every change, and telling them once when the browser refuses.

import type { EditorState } from "./editorState.ts";
import { notifyReader } from "./notifyReader.ts";
import { saveEdits } from "./storage.ts";

/** Saves `state.saved` (unless edits live in memory by choice) and updates the "Reset all" button. */
export function persistEdits(state: EditorState): void {
  const notice = state.persists ? saveEdits(state.storage, state.saved) : undefined;
  if (notice && notice !== state.lastNotice) notifyReader(state, notice);
  state.bar.setHasEdits(Object.keys(state.saved.cells).length > 0);
}

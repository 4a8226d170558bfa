// After a hot update, the reader's unrun typing goes back into the cells that still exist.

import type { EditorState } from "./editorState.ts";

/** Puts each draft back in its cell's editor (after the saved edits, so the draft wins) and forgets them all. */
export function restoreDrafts(state: EditorState): void {
  for (const [id, text] of state.drafts) {
    const slot = state.slots.get(id);
    if (slot && text !== slot.editor.text()) slot.editor.setText(text);
  }
  state.drafts.clear();
}

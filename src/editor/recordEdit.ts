// Saving one cell's edit, with what is needed to find its cell again after the author changes it.

import type { EditorState, Slot } from "./editorState.ts";
import { dropDraft } from "./keepDrafts.ts";
import { persistEdits } from "./persistEdits.ts";

/**
 * Saves `source` as the reader's version of the slot's cell and marks the cell "edited"; `from`
 * "link" marks code accepted from a share link (a later edit of the reader's own drops the mark).
 */
export function recordEdit(state: EditorState, slot: Slot, source: string, from?: "link"): void {
  const id = slot.author.id;
  const previous = state.saved.cells[id];
  state.saved.cells[id] = {
    source,
    // The author's version the reader first started from, so a later author change is noticed.
    authorSource: previous?.authorSource ?? slot.author.source,
    savedAt: Date.now(),
    index: slot.index,
    outputs: [...slot.author.outputs],
    ...(from ? { from } : {}),
  };
  slot.view.setEdited(true, from);
  persistEdits(state);
  dropDraft(state, id);
}

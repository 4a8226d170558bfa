// Putting CodeMirror into one cell's editor, loading it first if this is the page's first.

import type { EditorState, Slot } from "./editorState.ts";
import { loadCodeMirror } from "./loadCodeMirror.ts";

/** Loads CodeMirror if needed and opens it in the slot (focused when asked), unless the slot was replaced meanwhile. */
export async function openCellEditor(state: EditorState, slot: Slot, focus = false): Promise<void> {
  state.codeMirror ??= await loadCodeMirror();
  if (state.slots.get(slot.author.id) !== slot) return;
  slot.editor.open(state.codeMirror, focus);
  // A running checker gives the new editor its completion, hover and marks.
  state.typeHelp?.changed();
}

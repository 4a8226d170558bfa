// Putting the author's version of a cell back: in the editor, in storage and in the running lesson.

import type { EditorState, Slot } from "./editorState.ts";
import { showSource } from "./isSameCode.ts";
import { dropDraft } from "./keepDrafts.ts";
import { persistEdits } from "./persistEdits.ts";
import { showProblems } from "./showProblems.ts";

/** Forgets the slot's saved edit and runs the author's version again (only if it is not running). */
export async function resetCell(state: EditorState, slot: Slot): Promise<void> {
  const id = slot.author.id;
  clearTimeout(slot.timer);
  delete state.saved.cells[id];
  persistEdits(state);
  dropDraft(state, id);
  slot.editor.setText(showSource(slot.author.source));
  slot.lastRun = slot.editor.text();
  slot.view.setEdited(false);
  slot.view.setAuthorChange(undefined);
  showProblems(slot, undefined, []);
  slot.view.setStatus("");
  if (state.handle.definition(id)?.source !== slot.author.source) await state.handle.redefine(slot.author);
}

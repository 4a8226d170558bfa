// Running an edit after a pause in typing, when the code parses.

import type { EditorState, Slot } from "./editorState.ts";
import { loadBuilder } from "./loadBuilder.ts";
import { runEdit } from "./runEdit.ts";

/** Called on every keystroke: (re)starts the slot's pause timer (autoRunDelay 0 turns it off). */
export function scheduleRun(state: EditorState, slot: Slot): void {
  if (state.autoRunDelay <= 0) return;
  clearTimeout(slot.timer);
  slot.timer = setTimeout(async () => {
    const { isParsable } = await loadBuilder();
    const text = slot.editor.text();
    if (text !== slot.lastRun && isParsable(text, slot.author)) void runEdit(state, slot, text);
  }, state.autoRunDelay);
}

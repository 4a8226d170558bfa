// Taking the editors down before a hot update rebuilds them (or for good), keeping unrun typing.

import type { EditorState } from "./editorState.ts";
import { isSameCode } from "./isSameCode.ts";

/** Removes every slot's editor; text the reader typed but neither ran nor saved is kept as a draft. */
export function unmountCells(state: EditorState): void {
  for (const [id, slot] of state.slots) {
    clearTimeout(slot.timer);
    const text = slot.editor.text();
    if (!isSameCode(text, slot.author.source) && text !== state.saved.cells[id]?.source) state.drafts.set(id, text);
    slot.editor.destroy();
  }
  state.slots.clear();
}

// Answering the share link in the page's URL against the editors as they are.

import { answerShareLink } from "./answerShareLink.ts";
import { findInputNames } from "./collectInputs.ts";
import type { EditorState } from "./editorState.ts";
import { findCurrentDefinitions } from "./findCurrentDefinitions.ts";
import { notifyReader } from "./notifyReader.ts";
import { runEdit } from "./runEdit.ts";

/**
 * Answers the page's share link, if any. Call it once saved edits are in place, so its diff is
 * against them. A damaged or foreign link only produces a notice (answerShareLink).
 */
export function openShareLink(state: EditorState): Promise<void> {
  return answerShareLink({
    doc: state.doc,
    lessonKey: state.lessonKey,
    api: state.handle.api,
    cells: new Map([...state.slots].map(([id, slot]) => [id, { line: slot.author.line, text: slot.editor.text() }])),
    inputNames: findInputNames(findCurrentDefinitions(state)),
    apply: (id, source) => {
      const slot = state.slots.get(id);
      if (!slot) return Promise.resolve(false);
      slot.editor.setText(source);
      return runEdit(state, slot, source, "link");
    },
    notify: (text) => notifyReader(state, text),
  });
}

// The edits bar's notice line, remembered so a repeated storage problem is told only once.

import type { EditorState } from "./editorState.ts";

/** Shows `text` in the edits bar's polite notice line. */
export function notifyReader(state: Pick<EditorState, "bar" | "lastNotice">, text: string): void {
  state.lastNotice = text;
  state.bar.notify(text);
}

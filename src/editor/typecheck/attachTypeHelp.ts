// The hook that gives an editor outside the lesson's cell editors the same type help: an
// exercise's always-open editor (src/learn/, issue 13) calls it with its CodeMirror editor and its
// cell. The checker then treats that code as one of the lesson's cells (its errors, the errors it
// causes in cells that read it, completion, hover, go to definition), starts when the cursor goes
// in it, and lists its problems in the container it names.
import type { CodeEditor } from "../codemirror.ts";
import type { EditorState } from "../editorState.ts";

/** The cell an attached editor edits. */
export interface AttachedCell {
  /** Its id among the lesson's cells (an exercise: its id); a cell of the lesson with that id is replaced by this editor's text. */
  id: string;
  lang: "ts" | "js";
  /** Where its code starts in the .md file (1-based), for messages that name it. */
  line: number;
  column: number;
  /** Where the list of problems goes (under the editor). */
  container: HTMLElement;
}

/** An attached editor as the checker's host sees it. */
export interface AttachedEditor {
  cell: AttachedCell;
  editor: CodeEditor;
  /** True once the student changed the text: only then is it checked at every change. */
  touched: boolean;
}

/** What the caller does with an attached editor. */
export interface TypeHelpAttachment {
  /** Call at every change of the editor's text (CodeMirror's update listener with `docChanged`). */
  changed(): void;
  /** Stops the type help for this editor (before it is destroyed). */
  detach(): void;
}

/** Gives `editor`, which edits `cell`, the lesson's type help (see installEditors' `attachTypeHelp`). */
export function attachTypeHelp(state: EditorState, editor: CodeEditor, cell: AttachedCell): TypeHelpAttachment {
  const entry: AttachedEditor = { cell, editor, touched: false };
  state.attached.set(cell.id, entry);
  // The cursor in the code is reaching to edit, as in a cell's editor (listenForReach.ts).
  const onFocus = () => state.typeHelp?.prepare(cell.id);
  editor.view.contentDOM.addEventListener("focus", onFocus);
  // A checker already running gives the editor its completion, hover and marks now.
  state.typeHelp?.changed();
  return {
    changed() {
      entry.touched = true;
      state.typeHelp?.changed(cell.id);
    },
    detach() {
      editor.view.contentDOM.removeEventListener("focus", onFocus);
      if (state.attached.get(cell.id) === entry) state.attached.delete(cell.id);
    },
  };
}

// In-page cell editing: editors on live cells, saved edits, share links.
// Only the controller is exported: everything heavy (CodeMirror, the compiler, fflate, jsdiff)
// loads on demand from inside it, and a static re-export here would pull it into the page's chunk.

export { installEditors, type EditorController, type EditorOptions } from "./installEditors.ts";
export type { AttachedCell, TypeHelpAttachment } from "./typecheck/attachTypeHelp.ts";
export type { CodeEditor } from "./codemirror.ts";

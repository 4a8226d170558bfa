// What the checker sees of the page's editors (loadTypeHelp.ts's TypeHelpHost), read from the
// editors' shared state at each call, so it follows hot updates and edits as they happen.
import type { EditorState } from "../editorState.ts";
import { findCurrentDefinitions } from "../findCurrentDefinitions.ts";
import { isSameCode } from "../isSameCode.ts";
import { openCellEditor } from "../openCellEditor.ts";
import type { TypeHelpHost } from "./loadTypeHelp.ts";

/** The checker's view of `state`: every live cell's text now, and the cells' editors (attached ones included). */
export function createTypeHelpHost(state: EditorState): TypeHelpHost {
  return {
    lessonName: state.lessonKey.split("/").pop() ?? state.lessonKey,
    root: state.root,
    idle: () => state.handle.api.idle(),
    onBusy: (listener) =>
      state.handle.onStatus((cell) => {
        if (cell.status === "pending") listener();
      }),
    cells: () => {
      const cells = findCurrentDefinitions(state).map(({ id, source, lang, line, column, inline }) => ({
        id,
        source: state.attached.get(id)?.editor.text() ?? state.slots.get(id)?.editor.text() ?? source,
        lang,
        line,
        column,
        inline,
      }));
      for (const [id, { cell, editor }] of state.attached) {
        if (!cells.some((known) => known.id === id)) cells.push({ id, source: editor.text(), lang: cell.lang, line: cell.line, column: cell.column, inline: false });
      }
      return cells;
    },
    editors: () => [
      ...[...state.attached.values()].map((attached) => ({
        id: attached.cell.id,
        edited: () => attached.touched,
        text: () => attached.editor.text(),
        code: () => attached.editor,
        container: attached.cell.container,
        open: async () => attached.editor,
      })),
      ...[...state.slots.values()].filter((slot) => !state.attached.has(slot.author.id)).map((slot) => ({
        id: slot.author.id,
        edited: () => !isSameCode(slot.editor.text(), slot.author.source),
        text: () => slot.editor.text(),
        code: () => slot.editor.code(),
        container: slot.view.container,
        open: async () => {
          slot.editor.reveal();
          await openCellEditor(state, slot);
          return slot.editor.code();
        },
      })),
    ],
  };
}

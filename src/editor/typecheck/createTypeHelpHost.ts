// What the checker sees of the page's editors (loadTypeHelp.ts's TypeHelpHost), read from the
// editors' shared state at each call, so it follows hot updates and edits as they happen.
import type { EditorState } from "../editorState.ts";
import { findCurrentDefinitions } from "../findCurrentDefinitions.ts";
import { isSameCode } from "../isSameCode.ts";
import { openCellEditor } from "../openCellEditor.ts";
import type { TypeHelpHost } from "./loadTypeHelp.ts";

/** The checker's view of `state`: every live cell's text now, and the cells' editors. */
export function createTypeHelpHost(state: EditorState): TypeHelpHost {
  return {
    lessonName: state.lessonKey.split("/").pop() ?? state.lessonKey,
    root: state.root,
    cells: () =>
      findCurrentDefinitions(state).map(({ id, source, lang, line, column, inline }) => ({
        id,
        source: state.slots.get(id)?.editor.text() ?? source,
        lang,
        line,
        column,
        inline,
      })),
    editors: () =>
      [...state.slots.values()].map((slot) => ({
        id: slot.author.id,
        edited: () => !isSameCode(slot.editor.text(), slot.author.source),
        text: () => slot.editor.text(),
        code: () => slot.editor.code(),
        container: slot.view.container,
        open: async () => {
          const details = slot.view.container.closest("details");
          if (details && !details.open) details.open = true;
          await openCellEditor(state, slot);
          return slot.editor.code();
        },
      })),
  };
}

// The slot registry: an editor beside each editable cell's listing, wired to run, reset and keep.

import { builtinNames } from "../contract/builtins.ts";
import { createCellEditor } from "./createCellEditor.ts";
import type { EditorState, Slot } from "./editorState.ts";
import { findCurrentDefinitions } from "./findCurrentDefinitions.ts";
import { findEditableCells } from "./findEditableCells.ts";
import { noteDraft } from "./keepDrafts.ts";
import { persistEdits } from "./persistEdits.ts";
import { resetCell } from "./resetCell.ts";
import { runEdit } from "./runEdit.ts";
import { scheduleRun } from "./scheduleRun.ts";

/** Creates a slot (an editor, CodeMirror not yet in it) for every editable cell whose listing is in the page. */
export function mountCells(state: EditorState): void {
  // Buttons act on the cell's slot at the time of the click: a hot update replaces slots.
  const run = (id: string) => {
    const slot = state.slots.get(id);
    if (slot) void runEdit(state, slot, slot.editor.text());
  };
  const reset = (id: string) => {
    const slot = state.slots.get(id);
    if (slot) void resetCell(state, slot);
  };
  // Completion offers the lesson's names as they are now, edits included, and the builtins.
  const names = () => [...findCurrentDefinitions(state).flatMap((definition) => definition.outputs), ...builtinNames];
  // One pass over the page: a query per cell scanned the page once per cell (quadratic start-up).
  const listings = new Map<string, HTMLElement>();
  for (const element of state.root.querySelectorAll<HTMLElement>("[data-source-for]")) {
    const id = element.dataset.sourceFor;
    if (id !== undefined && !listings.has(id)) listings.set(id, element);
  }
  findEditableCells(state.authorCells).forEach((author, index) => {
    const listing = listings.get(author.id);
    if (!listing) return;
    const id = author.id;
    const keep = () => {
      const edit = state.saved.cells[id];
      if (edit) state.saved.cells[id] = { ...edit, authorSource: author.source };
      persistEdits(state);
      slot.view.setAuthorChange(undefined);
    };
    const editor = createCellEditor(listing, author, { run: () => run(id), reset: () => reset(id), keep }, {
      run: () => run(id),
      typed: () => {
        state.typeHelp?.changed(id);
        noteDraft(state, slot);
        scheduleRun(state, slot);
      },
      replaced: () => state.typeHelp?.changed(),
      names,
    });
    const slot: Slot = { author, index, editor, view: editor.view, runs: 0, hidden: !editor.isOpen() };
    state.slots.set(id, slot);
  });
}

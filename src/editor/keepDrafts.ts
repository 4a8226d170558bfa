// The reader's unfinished typing, kept across reloads (DESIGN.md: nothing the reader edited is
// lost). A draft is the text of a cell's editor that is not what the cell runs: it does not parse
// or build yet, or the page went away within the pause that would have run it. Drafts are written a
// moment after typing stops and at once when the page is hidden or goes away; at the next load they
// come back into their editors, marked as not run. They never run by themselves: a draft may be
// half a line, and the cell keeps running its last good version until the reader runs the draft.

import type { EditorState, Slot } from "./editorState.ts";
import { findEditableCells } from "./findEditableCells.ts";
import { isSameCode } from "./isSameCode.ts";
import { matchEdits } from "./match.ts";
import { notifyReader } from "./notifyReader.ts";
import { saveDrafts } from "./storage.ts";

/** How long after the last keystroke drafts are written. */
export const DRAFT_SAVE_DELAY_MS = 300;

/** The status of a cell whose unfinished edit came back at load. */
export const DRAFT_BACK = "Not run: your unfinished edit is back from your last visit. Run it with Shift-Enter.";

/** Called on every keystroke: keeps the slot's text as its draft (or drops it) and writes soon. */
export function noteDraft(state: EditorState, slot: Slot): void {
  const id = slot.author.id;
  const text = slot.editor.text();
  if (isSameCode(text, runningSource(state, id, slot.author.source))) delete state.savedDrafts.cells[id];
  else state.savedDrafts.cells[id] = { source: text, authorSource: slot.author.source, savedAt: Date.now(), index: slot.index, outputs: [...slot.author.outputs] };
  clearTimeout(state.draftTimer);
  state.draftTimer = setTimeout(() => writeDrafts(state), DRAFT_SAVE_DELAY_MS);
}

/** Forgets a cell's draft: what the reader typed now runs (a saved edit) or was reset. */
export function dropDraft(state: EditorState, id: string): void {
  if (!(id in state.savedDrafts.cells)) return;
  delete state.savedDrafts.cells[id];
  writeDrafts(state);
}

/** Forgets every draft (Reset all). */
export function dropAllDrafts(state: EditorState): void {
  state.savedDrafts.cells = {};
  writeDrafts(state);
}

/** Writes a pending change of the drafts at once: the page is being hidden or going away. */
export function flushDrafts(state: EditorState): void {
  if (state.draftTimer !== undefined) writeDrafts(state);
}

/**
 * Puts each saved draft back in its cell's editor (found by id, else by outputs and position, as
 * saved edits are), opens its listing and says it has not run. A draft that is what the cell runs
 * now is forgotten; one that matches no cell is kept, as an orphaned edit is.
 */
export function restoreKeptDrafts(state: EditorState): void {
  const { matches } = matchEdits(state.savedDrafts.cells, findEditableCells(state.authorCells));
  let changed = false;
  for (const { id, savedId, edit } of matches) {
    const slot = state.slots.get(id);
    if (!slot) continue;
    if (savedId !== id) {
      delete state.savedDrafts.cells[savedId];
      state.savedDrafts.cells[id] = { ...edit, index: slot.index, outputs: [...slot.author.outputs] };
      changed = true;
    }
    if (isSameCode(edit.source, runningSource(state, id, slot.author.source))) {
      delete state.savedDrafts.cells[id];
      changed = true;
      continue;
    }
    if (edit.source !== slot.editor.text()) slot.editor.setText(edit.source);
    slot.editor.reveal();
    slot.view.setStatus(DRAFT_BACK);
  }
  if (changed) writeDrafts(state);
}

function runningSource(state: EditorState, id: string, authorSource: string): string {
  return state.saved.cells[id]?.source ?? authorSource;
}

function writeDrafts(state: EditorState): void {
  clearTimeout(state.draftTimer);
  state.draftTimer = undefined;
  if (!state.persists) return;
  const notice = saveDrafts(state.storage, state.savedDrafts);
  if (notice && notice !== state.lastNotice) notifyReader(state, notice);
}

// Putting the reader's saved edits back into their cells, at load and after every hot update.

import type { CellDefinition } from "../runtime/types.ts";
import { describeProblem } from "./describeProblem.ts";
import type { EditorState } from "./editorState.ts";
import { findCurrentDefinitions } from "./findCurrentDefinitions.ts";
import { findEditableCells } from "./findEditableCells.ts";
import { loadBuilder } from "./loadBuilder.ts";
import { matchEdits } from "./match.ts";
import { notifyReader } from "./notifyReader.ts";
import { persistEdits } from "./persistEdits.ts";
import { provideLibraries } from "./provideLibraries.ts";
import { showProblems } from "./showProblems.ts";

/**
 * Applies saved edits to their cells (by id, else by outputs and position): the editors show them
 * at once (before the first await, so drafts restored next win over them), then each edit that
 * still builds runs. An edit that matches no cell is kept and counted in a notice.
 */
export async function restoreSavedEdits(state: EditorState): Promise<void> {
  const { saved, slots, handle } = state;
  const cells = findEditableCells(state.authorCells);
  const { matches, orphans } = matchEdits(saved.cells, cells);
  const toRun: [CellDefinition, string][] = [];
  let rekeyed = false;
  for (const { id, savedId, edit, authorChanged } of matches) {
    const index = cells.findIndex((cell) => cell.id === id);
    const author = cells[index]!;
    if (savedId !== id) {
      delete saved.cells[savedId];
      saved.cells[id] = { ...edit, index, outputs: [...author.outputs] };
      rekeyed = true;
    }
    const slot = slots.get(id);
    if (slot) {
      slot.editor.setText(edit.source);
      slot.lastRun = edit.source;
      slot.view.setEdited(true, edit.from);
      // A hidden cell the reader edited opens, so their code and its "edited" mark are in sight.
      slot.editor.reveal();
      slot.view.setAuthorChange(authorChanged ? { before: edit.authorSource, after: author.source } : undefined);
    }
    if (handle.definition(id)?.source !== edit.source) toRun.push([author, edit.source]);
  }
  if (rekeyed) persistEdits(state);
  if (orphans.length > 0) {
    notifyReader(state, `${orphans.length} saved edit${orphans.length === 1 ? " no longer matches a cell" : "s no longer match cells"} of this lesson; kept until you reset all edits.`);
  }
  if (toRun.length === 0) return;
  // The reader's own code, validated by the storage codec, runs again; one that no longer builds
  // (the lesson changed around it) shows why and leaves the author's version running.
  const { buildEdit } = await loadBuilder();
  const settled: Promise<unknown>[] = [];
  for (const [author, source] of toRun) {
    const built = buildEdit(source, author, findCurrentDefinitions(state));
    if (built.ok) settled.push(provideLibraries(handle, built.libraries).then(() => handle.redefine(built.definition)));
    else {
      const slot = slots.get(author.id);
      if (slot) showProblems(slot, "build", built.diagnostics.map((d) => describeProblem(d, author.id)));
    }
  }
  await Promise.all(settled);
}

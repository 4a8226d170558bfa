// Running a reader's edit: build it with the compiler's own code, refuse it in place when it would
// not build, else save it and redefine only that cell.

import type { CellState } from "../runtime/types.ts";
import { describeProblem } from "./describeProblem.ts";
import type { EditorState, Slot } from "./editorState.ts";
import { findCurrentDefinitions } from "./findCurrentDefinitions.ts";
import { isSameCode } from "./isSameCode.ts";
import { loadBuilder } from "./loadBuilder.ts";
import { provideLibraries } from "./provideLibraries.ts";
import { recordEdit } from "./recordEdit.ts";
import { resetCell } from "./resetCell.ts";
import { RAN_WITH_ERROR, showProblems } from "./showProblems.ts";

/**
 * Runs `source` as the slot's cell; resolves false when the edit was refused (its problems shown
 * in place, the rest of the lesson unchanged) or failed. The author's own text is a reset. `from`
 * "link" marks code accepted from a share link.
 */
export async function runEdit(state: EditorState, slot: Slot, source: string, from?: "link"): Promise<boolean> {
  clearTimeout(slot.timer);
  slot.lastRun = source;
  // Runs are numbered: a run overtaken by a newer one while it waited does not touch the cell.
  const run = ++slot.runs;
  if (isSameCode(source, slot.author.source)) {
    await resetCell(state, slot);
    return true;
  }
  const { buildEdit } = await loadBuilder();
  if (run !== slot.runs) return false;
  const built = buildEdit(source, slot.author, findCurrentDefinitions(state));
  if (!built.ok) {
    showProblems(slot, "build", built.diagnostics.map((d) => describeProblem(d, slot.author.id)));
    slot.view.setStatus("Not run: this edit has an error; the rest of the lesson is unchanged.");
    return false;
  }
  showProblems(slot, undefined, []);
  recordEdit(state, slot, source, from);
  slot.view.setStatus("Running…");
  let result: CellState;
  try {
    await provideLibraries(state.handle, built.libraries);
    result = await state.handle.redefine(built.definition);
  } catch (error) {
    // Nothing reached the cell's output: this is the one place the reader sees why.
    if (run === slot.runs) showProblems(slot, "runtime", [String(error)]);
    result = { id: slot.author.id, line: slot.author.line, status: "rejected", error: String(error) };
  }
  if (run !== slot.runs) return result.status !== "rejected";
  if (result.status === "rejected") {
    // The runtime shows the error in the cell's output, right below; saying it here too showed it twice.
    slot.view.setStatus(RAN_WITH_ERROR);
    return false;
  }
  slot.view.setStatus("Ran.");
  return true;
}

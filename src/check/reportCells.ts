// The cells of a headless run worth reporting: the first failures, not the cells failing because of them.
import type { Lesson } from "../compile/index.ts";
import type { Problem } from "../contract/diagnostic.ts";
import type { CellState } from "../runtime/types.ts";

/**
 * Problems for the cells that failed first (not because an input failed) or never settled;
 * `waited` is how long (ms) the run waited for them to settle.
 */
export function reportCells(file: string, lesson: Lesson, states: readonly CellState[], waited: number): Problem[] {
  const cells = new Map(lesson.cells.map((cell) => [cell.id, cell]));
  const compileFailed = new Set(lesson.diagnostics.filter((d) => d.severity === "error" && d.cell).map((d) => d.cell));
  const failedNames = new Set<string>();
  for (const state of states) {
    const cell = cells.get(state.id);
    if (cell && (state.status === "rejected" || compileFailed.has(cell.id))) cell.outputs.forEach((name) => failedNames.add(name));
  }
  const problems: Problem[] = [];
  for (const state of states) {
    const cell = cells.get(state.id);
    if (state.status === "fulfilled" || (cell && compileFailed.has(cell.id))) continue;
    if (cell?.inputs.some((name) => failedNames.has(name))) continue;
    const at = { file, line: cell?.line ?? state.line, column: cell?.column ?? 1, ...(cell ? { cell: cell.id } : {}) };
    problems.push(
      state.status === "rejected"
        ? { ...at, severity: "error", code: "runtime", message: `the cell fails when it runs: ${state.error ?? "unknown error"}` }
        : { ...at, severity: "warning", code: "runtime", message: stillRunning(state, waited) },
    );
  }
  return problems;
}

/** Why a pending cell is reported: the runtime's own words when it gave up on the cell, else how long the run waited. */
function stillRunning(state: CellState, waited: number): string {
  const gaveUp = state.stalled && state.error?.replace(/^Still waiting: this cell/, "the cell");
  return gaveUp || `the cell is still running after ${Math.round(waited / 1000)} s`;
}

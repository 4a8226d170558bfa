// What the page's checker needs of a cell that the build has already seen: its analysis (inputs,
// outputs, shape) and its layout in the lesson module. `lesson build` and the dev server summarize
// every lesson cell (collectCheckerFiles) and ship the summaries, keyed by the cell's content hash,
// with the checker's files; the page's checker then analyses and parses only a cell whose text
// the build did not see (the reader's edit, a saved edit restored). The same function makes the
// summary in both places, so a cell's summary is what the page would have computed itself.
import { analyzeCell, hashCell } from "../compile/cells.ts";
import type { Cell } from "../compile/index.ts";
import { layoutCell, type CellLayout } from "./layoutCell.ts";

/** A cell's analysis and layout, as the page's checker uses them. */
export interface CellSummary extends Pick<Cell, "inputs" | "outputs" | "expression" | "async" | "generator"> {
  layout: CellLayout;
}

/** The text of a cell, as the summaries are keyed. */
export type CellSource = Pick<Cell, "lang" | "inline" | "source">;

/** The key of a cell's summary: its content hash (the compiler's cell id of that text). */
export function summaryKey(cell: CellSource): string {
  return hashCell(cell.lang, cell.inline, cell.source);
}

/** Whether a compiler diagnostic of a cell is a syntax error (the checker leaves such a cell out). */
export function isSyntaxProblem(d: { severity: string; code: string }): boolean {
  return d.severity === "error" && /syntax|parse/.test(d.code);
}

/**
 * The summaries of `cells` by content hash. A cell with a syntax error has none: the page's
 * checker analyses it itself, since its messages name lines of the lesson.
 */
export function summarizeCells(cells: readonly CellSource[]): Record<string, CellSummary> {
  const summaries: Record<string, CellSummary> = {};
  for (const cell of cells) {
    const key = summaryKey(cell);
    if (key in summaries) continue;
    const { cell: analysed, diagnostics } = analyzeCell(cell.source, { lang: cell.lang, line: 1, inline: cell.inline });
    if (diagnostics.some(isSyntaxProblem)) continue;
    const { inputs, outputs, expression, async, generator } = analysed;
    summaries[key] = { inputs, outputs, expression, async, generator, layout: layoutCell(cell.source) };
  }
  return summaries;
}

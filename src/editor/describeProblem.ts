// How an edit's problem reads in place, under the cell.

import type { Diagnostic } from "../contract/diagnostic.ts";

/**
 * One problem of the edit of cell `id`, in words: its own problems at positions within the cell
 * (build.ts moved them there), another cell's at that cell's line in the lesson.
 */
export function describeProblem(d: Pick<Diagnostic, "line" | "column" | "message" | "cell">, id: string): string {
  return d.cell && d.cell !== id
    ? `In the cell at line ${d.line} of the lesson: ${d.message}`
    : `Line ${d.line}, column ${d.column}: ${d.message}`;
}

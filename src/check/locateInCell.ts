// Cell-relative positions → .md positions. Cells are copied verbatim, so only the first line of an
// inline `${…}` cell is shifted (by the column where its code starts).
import type { Cell } from "../compile/index.ts";

/** A 1-based line and column in the .md file. */
export interface MdPosition {
  line: number;
  column: number;
}

/** The .md position of the 0-based `line` and `character` inside `cell.source`. */
export function locateInCell(cell: Pick<Cell, "line" | "column">, line: number, character: number): MdPosition {
  return { line: cell.line + line, column: (line === 0 ? cell.column : 1) + character };
}

/** Splits code into lines the way TypeScript counts them, so virtual and .md lines agree. */
export function splitLines(code: string): string[] {
  return code.split(/\r\n|[\n\r\u2028\u2029]/);
}

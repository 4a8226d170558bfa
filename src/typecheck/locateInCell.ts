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

const lineBreak = /\r\n|[\n\r\u2028\u2029]/g;

/** The offset in `source` of its 0-based `line` and `character` (clamped to the end). */
export function offsetInCell(source: string, line: number, character: number): number {
  lineBreak.lastIndex = 0;
  let start = 0;
  for (let l = 0; l < line; l++) {
    const found = lineBreak.exec(source);
    if (!found) return source.length;
    start = found.index + found[0].length;
  }
  return Math.min(start + character, source.length);
}

/** The 0-based line and character of `offset` in `source`. */
export function lineAndCharacterInCell(source: string, offset: number): { line: number; character: number } {
  lineBreak.lastIndex = 0;
  let line = 0;
  let start = 0;
  for (let found = lineBreak.exec(source); found && found.index < offset; found = lineBreak.exec(source)) {
    line++;
    start = found.index + found[0].length;
  }
  return { line, character: offset - start };
}

// TypeScript's diagnostics on a lesson's virtual module → the cells they belong to, with positions
// both inside the cell (for an editor) and in the .md file (for a report).
import ts from "typescript";
import { ignoredCodes } from "./compilerOptions.ts";
import type { CheckedCell, LessonProgram } from "./emitLessonProgram.ts";
import { locateInCell, offsetInCell, type MdPosition } from "./locateInCell.ts";

/** A type error inside one cell. */
export interface CellTypeError extends MdPosition {
  cell: CheckedCell;
  /** TypeScript's error code (2345, …). */
  code: number;
  message: string;
  /** Offsets of the marked code within `cell.source`. */
  from: number;
  to: number;
}

/**
 * The errors of `found` that fall inside a TypeScript cell of `program` (not on the wrapper lines,
 * not one of `ignoredCodes`, not in a cell waiting for a cell with a syntax error), each once, in
 * the order found. `source` is the parsed virtual module.
 */
export function locateTypeErrors(program: LessonProgram, source: ts.SourceFile, found: readonly ts.Diagnostic[]): CellTypeError[] {
  const out: CellTypeError[] = [];
  const seen = new Set<string>();
  for (const d of found) {
    if (d.start === undefined || ignoredCodes.has(d.code)) continue;
    const place = locateOffset(program, source, d.start);
    if (!place || place.cell.lang === "js" || program.waiting.has(place.cell.id)) continue;
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    const key = `${place.line}:${place.column}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const to = Math.min(place.offset + (d.length ?? 0), place.cell.source.length);
    out.push({ cell: place.cell, code: d.code, message, line: place.line, column: place.column, from: place.offset, to });
  }
  return out;
}

/** The cell, offset within it and .md position of an offset of the virtual module; undefined on wrapper lines. */
export function locateOffset(program: LessonProgram, source: ts.SourceFile, offset: number): ({ cell: CheckedCell; offset: number } & MdPosition) | undefined {
  const at = source.getLineAndCharacterOfPosition(offset);
  for (const segment of program.segments) {
    if (at.line >= segment.start && at.line < segment.start + segment.lines) {
      const line = at.line - segment.start;
      return { cell: segment.cell, offset: offsetInCell(segment.cell.source, line, at.character), ...locateInCell(segment.cell, line, at.character) };
    }
  }
  return undefined;
}

// Each cell of a lesson as a function the runtime can define, never a module that fails to parse.
import { instrumentLoops, transpileCell, type Lesson } from "../compile/index.ts";
import type { TranspiledCell } from "./renderLessonModule.ts";

/**
 * Transpiles every cell. A body that does not parse (which the compiler should already have
 * reported) becomes a function that throws, so one broken cell cannot take the page down with it.
 */
export function transpileCells(lesson: Lesson): Map<string, TranspiledCell> {
  const result = new Map<string, TranspiledCell>();
  for (const cell of lesson.cells) {
    let transpiled: TranspiledCell;
    try {
      transpiled = transpileCell(cell);
      // Compiles without running: a syntax check of the generated function expression.
      new Function(`return (${transpiled.body}\n)`);
      transpiled = guardLoops(transpiled);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      transpiled = { params: [], body: `function() { throw new SyntaxError(${JSON.stringify(message)}); }` };
    }
    result.set(cell.id, transpiled);
  }
  return result;
}

/**
 * Author cells get the loop guard edited cells get: `while (true) {}` in a lesson stops after a
 * second with a clear error instead of freezing the page. Should instrumenting fail, the cell runs
 * as written.
 */
function guardLoops(cell: TranspiledCell): TranspiledCell {
  try {
    const body = instrumentLoops(cell.body).code;
    new Function("__guard", `return (${body}\n)`);
    return { ...cell, body, guarded: true };
  } catch {
    return cell;
  }
}

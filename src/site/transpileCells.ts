// Each cell of a lesson as a function the runtime can define, never a module that fails to parse.
import { instrumentLoops, transpileCell, type Cell, type Lesson } from "../compile/index.ts";
import type { TranspiledCell } from "./renderLessonModule.ts";

/**
 * Each compiled cell's transpiled form. A build transpiles every cell twice, for the page module
 * and for the prerender run (0.2–0.4 s of the 1,000-cell lesson's main thread); a compiled cell is
 * never changed (an edit compiles a new one), so the second is the first.
 */
const transpiledCells = new WeakMap<Cell, TranspiledCell>();

/**
 * Transpiles every cell. A body that does not parse (which the compiler should already have
 * reported) becomes a function that throws, so one broken cell cannot take the page down with it.
 */
export function transpileCells(lesson: Lesson): Map<string, TranspiledCell> {
  const result = new Map<string, TranspiledCell>();
  for (const cell of lesson.cells) {
    let transpiled = transpiledCells.get(cell);
    if (transpiled) {
      result.set(cell.id, transpiled);
      continue;
    }
    try {
      transpiled = transpileCell(cell);
      // Compiles without running: a syntax check of the generated function expression.
      new Function(`return (${transpiled.body}\n)`);
      transpiled = guardLoops(transpiled);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      transpiled = { params: [], body: `function() { throw new SyntaxError(${JSON.stringify(message)}); }` };
    }
    transpiledCells.set(cell, transpiled);
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

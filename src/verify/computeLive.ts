// Recomputes a blank's live answers for `lesson verify`, in Node: the lesson's input values are set
// to those the record carries, and only the cells the answers depend on run, in dependency order.
// A cell that needs the page (a builtin such as Plot or width, `view`, `display`, a generator)
// cannot run here and is reported, so its claim is not verified instead of being trusted. The
// lesson's code is the author's (trusted, SECURITY.md); the record only supplies values.
// When the Node lesson runner (src/run/) lands, it replaces this with the full runtime.

import { transpileCell, type Cell, type Lesson } from "../compile/index.ts";
import { TIMER_NAMES } from "../contract/timers.ts";
import { isBuiltin } from "../contract/builtins.ts";

type CellFunction = (...args: unknown[]) => unknown;

/** The values of the inline cells `cells` (by cell id), with the lesson's inputs set to `inputs`. */
export async function computeLive(lesson: Lesson, inputs: Record<string, unknown>, cells: string[], load: (specifier: string) => Promise<unknown> = (s) => import(s)): Promise<Record<string, unknown>> {
  const values = new Map<string, unknown>(Object.entries(inputs));
  const byName = new Map<string, Cell>();
  for (const cell of lesson.cells) for (const name of cell.outputs) byName.set(name, cell);
  const running = new Map<string, Promise<unknown>>();

  const run = (cell: Cell, path: string[]): Promise<unknown> => {
    let result = running.get(cell.id);
    if (!result) {
      result = evaluate(cell, path);
      running.set(cell.id, result);
    }
    return result;
  };
  const valueOf = async (name: string, path: string[]): Promise<unknown> => {
    if (values.has(name)) return values.get(name);
    const cell = byName.get(name);
    if (!cell) throw new Error(isBuiltin(name) ? `it depends on ${name}, which needs the page` : `"${name}" is not defined by any cell, nor recorded`);
    if (path.includes(cell.id)) throw new Error(`a cycle through "${name}"`);
    if (cell.inputs.includes("view")) throw new Error(`the input "${name}" (line ${cell.line}) was not recorded`);
    const output = await run(cell, [...path, cell.id]);
    return cell.expression ? output : (output as Record<string, unknown>)[name];
  };
  async function evaluate(cell: Cell, path: string[]): Promise<unknown> {
    if (cell.generator) throw new Error(`the cell at line ${cell.line} changes over time, which needs the page`);
    const { params, body } = transpileCell(cell);
    const args: unknown[] = [];
    for (const param of params) {
      if (param === "__import") args.push(load);
      // A timer a cell names is the page's own there (runtime/cellTimers.ts); here the global.
      else if ((TIMER_NAMES as readonly string[]).includes(param)) args.push((globalThis as Record<string, unknown>)[param]);
      else if (param === "view" || param === "display") throw new Error(`the cell at line ${cell.line} shows something in the page (${param}), and its value was not recorded`);
      else args.push(await valueOf(param, path));
    }
    const fn = new Function(`return (${body}\n)`)() as CellFunction;
    return await fn(...args);
  }

  const result: Record<string, unknown> = {};
  for (const id of cells) {
    const cell = lesson.cells.find((c) => c.id === id);
    if (!cell) throw new Error(`the lesson has no cell ${id}`);
    result[id] = await run(cell, [id]);
  }
  return result;
}

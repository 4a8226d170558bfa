// A cell definition as the compiler would give the runtime, for the runtime's unit tests: each new
// cell of cellOf sits four lines below the one before; defineFrom compiles a cell's source.
import { analyzeCell } from "../../src/compile/cell/analyzeCell.ts";
import { transpileCell } from "../../src/compile/cell/transpileCell.ts";
import { mountLesson } from "../../src/runtime/mountLesson.ts";
import type { CellDefinition, LessonHandle } from "../../src/runtime/types.ts";

let line = 1;

/** A block cell `id` reading `params`, declaring `outputs` (none: an expression), running `body`. */
export function cellOf(id: string, params: string[], outputs: string[], body: (...args: never[]) => unknown, more: Partial<CellDefinition> = {}): CellDefinition {
  return {
    id,
    line: (line += 4),
    column: 1,
    inline: false,
    lang: "js",
    source: id,
    params,
    inputs: params,
    outputs,
    expression: outputs.length === 0,
    async: false,
    generator: false,
    options: { hide: false, run: true, editable: true },
    body,
    ...more,
  };
}

/** A cell as the page defines it, from its source, at `line` of the .md file. */
export function defineFrom(id: string, source: string, line: number): CellDefinition {
  const { cell } = analyzeCell(source, { lang: "ts", line });
  const { params, body } = transpileCell(cell);
  return {
    id,
    line,
    column: 1,
    inline: false,
    lang: "ts",
    source,
    params,
    inputs: cell.inputs,
    outputs: cell.outputs,
    expression: cell.expression,
    async: cell.async,
    generator: cell.generator,
    options: { hide: false, run: true, editable: true },
    body: new Function(`return (${body}\n)`)() as CellDefinition["body"],
  };
}

/** Mounts `cells` as the lesson `file` in a new root in the document, one output element per cell. */
export function mountCells(file: string, title: string, cells: CellDefinition[]): { handle: LessonHandle; root: HTMLElement } {
  const root = document.createElement("main");
  document.body.append(root);
  const html = cells.map((c) => `<div data-cell="${c.id}"></div>`).join("");
  return { handle: mountLesson({ file, title, html, cells, diagnostics: [], modules: {} }, root), root };
}

// One lesson → one virtual TypeScript module, so a cell reading another cell's value gets its type.
// Cells are copied verbatim, line for line, in dependency order; a segment table maps each copied
// line back to the cell (and so to the .md file).
import type { Cell } from "../compile/index.ts";
import { layoutCell, type CellLayout } from "./layoutCell.ts";
import { splitLines } from "./locateInCell.ts";
import { sortCells } from "./sortCells.ts";

/** What the lesson module uses of a cell: its text and place, and what its analysis found. */
export type CheckedCell = Pick<Cell, "id" | "line" | "column" | "lang" | "source" | "inputs" | "outputs" | "expression" | "async" | "generator">;

/** Lines `start … start + lines - 1` (0-based) of the virtual file are the lines of `cell.source`. */
export interface Segment {
  cell: CheckedCell;
  start: number;
  lines: number;
  /** The copy of a program cell's imports, types and interfaces, at the module's top level (every cell sees them). */
  hoisted?: true;
}

/** The virtual module of a lesson and its segment table. */
export interface LessonProgram {
  text: string;
  segments: Segment[];
  /**
   * The ids of the cells that read a stub's outputs, directly or through other cells: they wait
   * for the broken cell (the page shows "waiting for `softmax`"), so their type errors, which
   * come from the stub's `any`, are not reported on top of the syntax error.
   */
  waiting: Set<string>;
}

/** Where the builtins' types live (a `paths` entry of the checker's compiler options). */
export const builtinsModule = "live-lesson/builtins";

/**
 * What another cell sees of a cell's output: the runtime awaits promises and iterates generators
 * (`view()`, `Mutable()`, `Generators.*`), so readers get the resolved or yielded value.
 */
const unwrap = "type __Value<T> = T extends Generator<infer Y, any, any> | AsyncGenerator<infer Y, any, any> ? Awaited<Y> : Awaited<T>;";

/**
 * Emits the virtual module of `cells`. Each cell runs in its own function, as at run time, so its
 * outputs are declared again at the top level with the type readers get (`__Value`). Imports,
 * type aliases and interfaces are copied to the top level (imports must be there; types are
 * shared by every cell). An expression cell is `const __cell_N = (…);`. A generator cell's
 * outputs are `any` (their values arrive one by one). `stubs` are cells left out (syntax errors):
 * their outputs are declared `any`, so the cells reading them are not flagged as well.
 * `layoutOf` may give a cell's layout without parsing it (the page's checker passes the build's,
 * see summarizeCell.ts); other cells are parsed.
 */
export function emitLessonProgram(
  cells: readonly CheckedCell[],
  stubs: readonly CheckedCell[],
  builtins: readonly string[],
  layoutOf: (cell: CheckedCell) => CellLayout | undefined = () => undefined,
): LessonProgram {
  const lines: string[] = [];
  const segments: Segment[] = [];
  const defined = new Set([...cells, ...stubs].flatMap((cell) => cell.outputs));
  const available = builtins.filter((name) => !defined.has(name));
  if (available.length) lines.push(`import { ${available.join(", ")} } from ${JSON.stringify(builtinsModule)};`);
  lines.push(unwrap);
  for (const cell of stubs) declareAny(lines, cell.outputs);
  const copy = (cell: CheckedCell, code: string, hoisted = false) => {
    const copied = splitLines(code);
    const segment: Segment = { cell, start: lines.length, lines: copied.length };
    if (hoisted) segment.hoisted = true;
    segments.push(segment);
    lines.push(...copied);
  };
  sortCells(cells).forEach((cell, n) => {
    const name = `__cell_${n}`;
    const layout = layoutOf(cell) ?? cachedLayout(cell);
    const asyncPrefix = cell.async ? "async " : "";
    if (cell.expression) {
      const body = blankAt(cell.source, layout.semicolon);
      lines.push(cell.generator ? `const ${name} = (${asyncPrefix}function* () { return (` : `const ${name} = (`);
      copy(cell, body);
      lines.push(cell.generator ? `); })();` : `);`);
      return;
    }
    const { hoisted } = layout;
    if (hoisted.length) copy(cell, keepOnly(cell.source, hoisted), true);
    const body = blank(cell.source, hoisted);
    const imported = new Set(layout.imported);
    const outputs = cell.outputs.filter((output) => !imported.has(output));
    if (cell.generator) {
      lines.push(`const ${name} = (${asyncPrefix}function* () {`);
      copy(cell, body);
      lines.push(`})();`);
      declareAny(lines, outputs);
      return;
    }
    lines.push(`const ${name} = ${cell.async ? "await (async " : "("}() => {`);
    copy(cell, body);
    lines.push(`${outputs.length ? `return { ${outputs.join(", ")} }; ` : ""}})();`);
    if (outputs.length) {
      lines.push(`declare const ${outputs.map((output) => `${output}: __Value<typeof ${name}[${JSON.stringify(output)}]>`).join(", ")};`);
    }
    // A class is a type too: readers may write `let p: Point`.
    for (const declared of layout.classes) {
      if (outputs.includes(declared)) lines.push(`type ${declared} = InstanceType<typeof ${declared}>;`);
    }
  });
  lines.push("export {};");
  return { text: lines.join("\n"), segments, waiting: findWaiting(cells, stubs) };
}

// The cells reading a stub's outputs, and the cells reading theirs, to a fixed point.
function findWaiting(cells: readonly CheckedCell[], stubs: readonly CheckedCell[]): Set<string> {
  const waiting = new Set<string>();
  const unknown = new Set(stubs.flatMap((cell) => cell.outputs));
  for (let grew = unknown.size > 0; grew; ) {
    grew = false;
    for (const cell of cells) {
      if (waiting.has(cell.id) || !cell.inputs.some((input) => unknown.has(input))) continue;
      waiting.add(cell.id);
      for (const output of cell.outputs) unknown.add(output);
      grew = true;
    }
  }
  return waiting;
}

// The page's checker emits the lesson again at every keystroke with the same cell objects for the
// cells that did not change: their layout is kept.
const layouts = new WeakMap<CheckedCell, { source: string; layout: CellLayout }>();

function cachedLayout(cell: CheckedCell): CellLayout {
  let known = layouts.get(cell);
  if (known?.source !== cell.source) {
    known = { source: cell.source, layout: layoutCell(cell.source) };
    layouts.set(cell, known);
  }
  return known.layout;
}

function declareAny(lines: string[], names: readonly string[]): void {
  // any: a boundary — the value is unknown to the checker (stubbed or produced by a generator).
  if (names.length) lines.push(`declare let ${names.map((name) => `${name}: any`).join(", ")};`);
}

/** `source` with the character at `at` (a trailing `;`, see layoutCell) replaced by a space; as it is when `at` is -1. */
function blankAt(source: string, at: number): string {
  return at < 0 ? source : source.slice(0, at) + " " + source.slice(at + 1);
}

/** `source` with the `spans` replaced by spaces (line breaks kept, so positions stay put). */
function blank(source: string, spans: readonly [number, number][]): string {
  let out = source;
  for (const [start, end] of spans) out = out.slice(0, start) + out.slice(start, end).replace(/[^\r\n]/g, " ") + out.slice(end);
  return out;
}

/** `source` with everything but the `spans` replaced by spaces. */
function keepOnly(source: string, spans: readonly [number, number][]): string {
  let out = source.replace(/[^\r\n]/g, " ");
  for (const [start, end] of spans) out = out.slice(0, start) + source.slice(start, end) + out.slice(end);
  return out;
}

// Turning a reader's edit into a cell definition: analyse and check it with the compiler's own
// code, transpile it, guard its loops, and build the function, or say precisely why not.

// The per-cell API, not compile/index.ts, so the page never pulls in markdown-it or KaTeX.
import { analyzeCell, checkCells, findMemberUses, instrumentLoops, transpileCell, type Cell, type Diagnostic } from "../compile/cells.ts";
import type { CellDefinition } from "../runtime/types.ts";
import { clarifyError, createGuard } from "../runtime/deadline.ts";
import { builtins } from "../contract/builtins.ts";
import { GUARD_NAME } from "../contract/guard.ts";

/**
 * An edit ready to run, or the problems that stop it: the edited cell's own problems at positions
 * within the cell, other cells' problems (a duplicate name it causes) at their .md positions.
 */
export type BuiltEdit =
  | { ok: true; definition: CellDefinition; libraries: Record<string, string[] | null> }
  | { ok: false; diagnostics: Diagnostic[] };

// Codes of cross-cell problems that an edit may cause in *other* cells and that block it anyway:
// applying them would break the graph rather than one cell.
const BLOCKING_ELSEWHERE = new Set(["duplicate-definition", "cycle"]);

// Library builtins a page may load as a subset (LessonModule.libraries; `subset` in the registry):
// an edit reports the members it reads, so the page can load the whole library first when the
// subset lacks one.
const SUBSET_LIBRARIES = Object.entries(builtins).flatMap(([name, builtin]) => ("subset" in builtin ? [name] : []));

/** True when `source` parses as a cell (what the pause-while-typing run checks first). */
export function isParsable(source: string, base: CellDefinition): boolean {
  return !analyzeEdit(source, base).diagnostics.some((d) => d.severity === "error");
}

/**
 * Builds the definition that replaces `base` with `source`, checked against `current` (every
 * cell's current definition). Never throws on the reader's code.
 */
export function buildEdit(source: string, base: CellDefinition, current: CellDefinition[]): BuiltEdit {
  const { cell, diagnostics } = analyzeEdit(source, base);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) return { ok: false, diagnostics: errors.map((d) => toCellPosition(d, base)) };

  // The edit takes its cell's place: the checks read cells in document order.
  const edited = current.map((definition) => (definition.id === base.id ? cell : cellOf(definition)));
  if (!current.some((definition) => definition.id === base.id)) edited.push(cell);
  const before = checkCells(current.map(cellOf));
  const after = checkCells(edited);
  const known = new Set(before.map(keyOf));
  const blocking = after.filter(
    (d) =>
      d.severity === "error" &&
      (d.cell === base.id || (BLOCKING_ELSEWHERE.has(d.code) && !known.has(keyOf(d)))),
  );
  if (blocking.length > 0) {
    return { ok: false, diagnostics: blocking.map((d) => (d.cell === base.id ? toCellPosition(d, base) : d)) };
  }

  try {
    const { params, body } = transpileCell(cell);
    const definition: CellDefinition = {
      ...base,
      source,
      params,
      inputs: cell.inputs,
      outputs: cell.outputs,
      expression: cell.expression,
      async: cell.async,
      generator: cell.generator,
      body: buildFunction(body),
    };
    const libraries: Record<string, string[] | null> = {};
    for (const name of SUBSET_LIBRARIES) if (cell.inputs.includes(name)) libraries[name] = findMemberUses([cell], name);
    return { ok: true, definition, libraries };
  } catch (error) {
    return { ok: false, diagnostics: [internalProblem(error)] };
  }
}

/**
 * Builds a function from the source of a JavaScript function expression, in strict mode, with its
 * loops and functions guarded (guard.ts) and stack overflows reported in words.
 */
export function buildFunction(source: string): (...args: never[]) => unknown {
  const { code } = instrumentLoops(source);
  // The newline before `)` keeps a trailing line comment in `code` from swallowing it.
  const inner = new Function(GUARD_NAME, `"use strict"; return (${code}\n);`)(createGuard()) as (
    ...args: unknown[]
  ) => unknown;
  return function guarded(this: unknown, ...args: unknown[]): unknown {
    let result: unknown;
    try {
      result = inner.apply(this, args);
    } catch (error) {
      throw clarifyError(error);
    }
    return clarifyResult(result);
  } as (...args: never[]) => unknown;
}

function clarifyResult(result: unknown): unknown {
  if (result === null || (typeof result !== "object" && typeof result !== "function")) return result;
  const value = result as Record<PropertyKey, unknown>;
  // Only real generators are wrapped: any other iterator is a plain value to the runtime.
  const kind = Object.prototype.toString.call(result);
  if (kind === "[object AsyncGenerator]") {
    const source = value as unknown as AsyncGenerator;
    return (async function* () {
      try {
        return yield* source;
      } catch (error) {
        throw clarifyError(error);
      }
    })();
  }
  if (kind === "[object Generator]") {
    const source = value as unknown as Generator;
    return (function* () {
      try {
        return yield* source;
      } catch (error) {
        throw clarifyError(error);
      }
    })();
  }
  if (typeof value.then === "function") {
    return (value as unknown as PromiseLike<unknown>).then(undefined, (error: unknown) => {
      throw clarifyError(error);
    });
  }
  return result;
}

// The edit is analysed at its cell's place in the .md file, so cross-cell messages name real lines;
// its own diagnostics are then moved to positions within the cell (line 1, column 1 = its start).
function analyzeEdit(source: string, base: CellDefinition): { cell: Cell; diagnostics: Diagnostic[] } {
  const { lang, line, column, inline } = base;
  const { cell, diagnostics } = analyzeCell(source, { lang, line, column, inline, options: { ...base.options } });
  // Mutated, not copied: the compiler caches each analysed cell's references by identity.
  cell.id = base.id;
  // An exercise's starter keeps its role, so the student's code may read `seed`.
  if (base.exercise !== undefined) cell.exercise = base.exercise;
  return { cell, diagnostics: diagnostics.map((d) => ({ ...d, cell: base.id })) };
}

/** Moves a diagnostic of the cell `base` from .md positions to positions within the cell. */
export function toCellPosition(d: Diagnostic, base: Pick<CellDefinition, "line" | "column">): Diagnostic {
  const line = d.line - base.line + 1;
  return { ...d, line, column: line === 1 ? d.column - base.column + 1 : d.column };
}

const analyzed = new WeakMap<CellDefinition, Cell>();

// The cross-cell checks need Cells; a definition's analysis is cached, as definitions are immutable.
function cellOf(definition: CellDefinition): Cell {
  let cell = analyzed.get(definition);
  if (!cell) {
    const { lang, line, column, inline } = definition;
    cell = analyzeCell(definition.source, { lang, line, column, inline }).cell;
    cell.id = definition.id;
    if (definition.exercise !== undefined) cell.exercise = definition.exercise;
    analyzed.set(definition, cell);
  }
  return cell;
}

function keyOf(d: Diagnostic): string {
  return `${d.code}\u0000${d.cell ?? ""}\u0000${d.message}`;
}

function internalProblem(error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return { severity: "error", code: "internal", message: `This edit could not be built: ${message}`, line: 1, column: 1 };
}

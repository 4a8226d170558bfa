// The main thread's half of a run: the lesson with its replaced cells and its probes, turned into
// the page's own cell source (src/site/: transpileCells + renderCells) and its imports resolved.
// Nothing here runs lesson code; the worker does (executeJob.ts).
import { resolve } from "node:path";
import { findLibraryBuiltins } from "../contract/builtins.ts";
import { analyzeCell, checkCells, type Cell, type Lesson } from "../compile/index.ts";
import type { Diagnostic } from "../contract/diagnostic.ts";
import { collectImports, renderCells } from "../site/renderLessonModule.ts";
import { transpileCells } from "../site/transpileCells.ts";
import { findRunnerBody } from "./findRunnerBody.ts";
import { resolveImports } from "./resolveImports.ts";
import { READING_WIDTH, type Probe, type RunJob, type RunOptions } from "./types.ts";

/** The name of the variable holding probe `index`'s value (no lesson declares names with `__`). */
export const probeVariable = (index: number): string => `__probe${index}`;

/** Builds the worker's job for `lesson`. Throws (a caller's mistake) when `replace` names no cell. */
export function prepareJob(lesson: Lesson, options: RunOptions = {}): RunJob {
  const file = options.file ?? lesson.file;
  const { cells, diagnostics } = replaceCells(lesson, options.replace ?? {}, file);
  const probes = (options.probes ?? []).map((probe, index) => makeProbe(probe, index));
  const all: Lesson = { ...lesson, cells: [...cells, ...probes.map((p) => p.cell)] };
  const transpiled = transpileCells(all);
  const modules = resolveImports(collectImports(all), resolve(options.path ?? lesson.file));
  const unresolved = all.cells.flatMap((cell) => cell.imports.flatMap((specifier) => {
    const found = modules[specifier];
    return "error" in found ? [{ severity: "error", code: "unresolved-import", message: found.error, line: cell.line, column: cell.column, cell: cell.id } satisfies Diagnostic] : [];
  }));
  return {
    file,
    title: lesson.title,
    // A prerender keeps only the outputs: it may mount the slots alone (findRunnerBody.ts).
    html: options.prerender ? findRunnerBody(all) : lesson.html,
    diagnostics: [...diagnostics, ...probes.flatMap((p) => p.diagnostics), ...unresolved],
    cells: renderCells(all, transpiled),
    guarded: all.cells.filter((cell) => transpiled.get(cell.id)?.guarded).map((cell) => cell.id),
    modules,
    preload: findPreloads(all),
    probes: probes.map(({ cell, name, variable, seed }) => ({ name, id: cell.id, variable, ...(seed === undefined ? {} : { seed }) })),
    width: options.width ?? READING_WIDTH,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    animationMs: options.animationMs ?? 1000,
    prerender: options.prerender ?? false,
    running: new SharedArrayBuffer(4),
  };
}

/**
 * The packages of the library builtins the cells read (the registry's), loaded while the runtime
 * loads. Not the lesson's own imports: a module that fails as it loads must fail in its cell, as
 * in the page, not stop the worker.
 */
function findPreloads(lesson: Lesson): string[] {
  const read = new Set(lesson.cells.flatMap((cell) => cell.inputs));
  return [...new Set(findLibraryBuiltins().flatMap(([name, builtin]) => (read.has(name) ? [builtin.package] : [])))];
}

/**
 * The lesson's cells with each replacement analysed in its cell's place (same id, line and
 * options), and its diagnostics: the replaced cells' own, then the cross-cell ones they cause.
 */
function replaceCells(lesson: Lesson, replace: Record<string, string>, file: string): { cells: Cell[]; diagnostics: Diagnostic[] } {
  const replaced = new Map<string, string>();
  for (const [key, source] of Object.entries(replace)) {
    const cell = lesson.cells.find((c) => c.id === key) ?? lesson.cells.find((c) => c.outputs.includes(key));
    if (!cell) throw new Error(`runLesson: ${file} has no cell with id or name "${key}" to replace`);
    replaced.set(cell.id, source);
  }
  if (replaced.size === 0) return { cells: lesson.cells, diagnostics: lesson.diagnostics };
  const own: Diagnostic[] = [];
  const cells = lesson.cells.map((cell) => {
    const source = replaced.get(cell.id);
    if (source === undefined) return cell;
    const analysis = analyzeCell(source, { lang: cell.lang, line: cell.line, column: cell.column, inline: cell.inline, options: cell.options });
    own.push(...analysis.diagnostics.map((d) => ({ ...d, cell: cell.id })));
    return { ...analysis.cell, id: cell.id };
  });
  const crossCell = checkCells(cells).filter((d) => d.cell !== undefined && replaced.has(d.cell));
  const kept = lesson.diagnostics.filter((d) => d.cell === undefined || !replaced.has(d.cell));
  return { cells, diagnostics: [...kept, ...own, ...crossCell] };
}

/** A probe as one more cell: `const __probeN = (expression)`, not in the page's HTML. */
function makeProbe(probe: Probe, index: number): { cell: Cell; diagnostics: Diagnostic[]; name: string; variable: string; seed?: number } {
  const variable = probeVariable(index);
  // The expression on lines of its own, so a trailing line comment cannot swallow the parenthesis.
  const { cell, diagnostics } = analyzeCell(`const ${variable} = (\n${probe.source}\n);`, { lang: "ts", line: 1 });
  return { cell, diagnostics, name: probe.name, variable, seed: probe.seed };
}

// Defines one cell on the runtime, as Observable Framework does: a hidden variable runs the
// cell's body, and each declared name is its own variable reading from the body's result.
// The hidden variable's observer is the only path from the cell to the page.

import type { Observer } from "@observablehq/runtime";
import { createCellTimers, isTimerName, type CellTimers } from "./cellTimers.ts";
import { locateName, type DefinedCell, type LessonContext } from "./context.ts";
import { clarifyError } from "./deadline.ts";
import { describeError } from "./describeError.ts";
import { createImporter } from "./importModule.ts";
import { findAsyncBodyLine, findSyncBodyLine, isSameFunction, isSameScript, mapBodyLine, readCallSites, readOwnSite, type CallSite } from "./locateError.ts";
import { isHydratedLater, isKeepableOutput, isStillKept, KEPT } from "./keepOutput.ts";
import { noteFirstValue } from "./noteFirstValue.ts";
import { pageVisibleFirst } from "./runVisibleFirst.ts";
import { StallWatch } from "./stallWatch.ts";
import { appendError, appendNotice, appendValue, clearOutput, isShowingText } from "./output.ts";
import type { Diagnostic } from "../contract/diagnostic.ts";
import { isMissingLibraryPart } from "../contract/libraryPart.ts";
import type { CellDefinition, CellState } from "./types.ts";
import { createView, findViewElement } from "./view.ts";

/** An error standing in for a cell whose compile diagnostics include errors. */
class DiagnosticError extends Error {
  constructor(
    message: string,
    readonly location: string,
  ) {
    super(message);
  }
}

/** How long a cell may stay pending before it is reported as stalled. */
export const STALL_MS = 10_000;

const STALL_MESSAGE = `Still waiting: this cell has produced no value for ${STALL_MS / 1000} s (a promise that never settles, or a generator that never yields?)`;

// Every cell's stall deadline, on one timer.
const stalls = new StallWatch(STALL_MS);

// The .md line each error thrown by a cell's body points at, when it could be mapped.
const errorLines = new WeakMap<object, number>();

// Where runCell's frames sit, to find the body's frame (the one above) in an error's stack.
let runCellSite: ReturnType<typeof readOwnSite>;

// Per-cell builtins: supplied by the cell's own function, never looked up in the graph. The timer
// functions are the cell's own too (cellTimers.ts), when the cell names them.
const local = new Set(["display", "view", "__import"]);
const isLocal = (name: string): boolean => local.has(name) || isTimerName(name);

/**
 * Defines `definition` on the lesson's module, showing results in `element`. `keep` (at start):
 * the cells it reads from, when its prerendered output may stand for its first run (keepOutput.ts).
 */
export function defineCell(context: LessonContext, definition: CellDefinition, element: HTMLElement, diagnostics: readonly Diagnostic[], keep?: readonly string[]): DefinedCell {
  const cell: DefinedCell = { definition, element, variables: [], views: new Map(), diagnostics, active: true };
  if (!definition.options.run) return cell;
  const { id, inline } = definition;
  const { board, main } = context;
  const errors = diagnostics.filter((d) => d.severity === "error");
  const graphParams = errors.length ? [] : definition.params.filter((p) => !isLocal(p));
  // Each exercise has its own variant: its starter's `seed` is the variable `seed <id>` (1 until
  // its "New variant" sets another), so one exercise's new variant leaves the others alone.
  const graphInputs = definition.exercise === undefined ? graphParams : graphParams.map((p) => (p === "seed" ? exerciseSeedName(context, definition.exercise!) : p));
  const showsValue = definition.expression || (definition.generator && definition.outputs.length === 0);
  // Until its first run, a kept cell is settled: its prerendered output is right for its inputs.
  let keeping = keep !== undefined && errors.length === 0 && isKeepableOutput(element);

  // Runs are numbered so a stale run's display() is ignored and the first display of a new
  // run replaces the old output (clearing lazily avoids a flash of empty output).
  let latest = 0;
  let computeStart = 0;
  let displayed = 0;
  let shown = 0;

  // Whether the build's marks of a first output may still be on the element (only the build sets them).
  let marked = true;
  const setStatus = (status: CellState["status"], error?: string): void => {
    if (!cell.active) return;
    element.dataset.status = status;
    // A built page's first output (renderPrerendered.ts) is this run's from now on: later runs are
    // marked pending. Cleared once, not on every change a slider makes.
    if (status !== "pending" && marked) {
      marked = false;
      delete element.dataset.prerendered;
      delete element.dataset.static;
      delete element.dataset.hydrate;
    }
    const line = cell.definition.line; // Hot reload updates the line when prose above moves.
    board.set(error === undefined ? { id, line, status } : { id, line, status, error });
  };

  const displayFor = (run: number) => (value: unknown): void => {
    if (run !== latest || !cell.active) return;
    if (shown !== run) clearOutput(element), (shown = run);
    displayed = run;
    appendValue(element, value, inline);
  };

  // A cell still pending after STALL_MS (a promise that never settles, a generator that never
  // yields) gets a notice in place and stops holding up `lesson.idle()`; it stays pending.
  let stallNotice: HTMLElement | undefined;
  const settle = (): void => {
    stalls.clear(stall);
    stallNotice?.remove();
    stallNotice = undefined;
  };
  const stall = (): void => {
    if (!cell.active || element.dataset.status !== "pending") return;
    stallNotice = appendNotice(element, STALL_MESSAGE, inline);
    board.set({ id, line: cell.definition.line, status: "pending", error: STALL_MESSAGE, stalled: true });
  };

  const observer: Observer = {
    pending() {
      if (!cell.active || keeping) return;
      computeStart = latest;
      settle();
      setStatus("pending");
      stalls.watch(stall);
    },
    fulfilled(value) {
      if (!cell.active) return;
      settle();
      if (value === KEPT) return setStatus("fulfilled");
      if (displayed !== latest) {
        if (showsValue && (definition.expression || value !== undefined)) {
          // A value in prose that reads as before (a sign, a verdict, a rounded number) is left as
          // it is: no removal and insertion, nothing for the page to restyle or observers to hear.
          if (!(inline && typeof value === "string" && isShowingText(element, value))) {
            clearOutput(element);
            appendValue(element, value, inline);
          }
        } else if (shown !== latest) {
          clearOutput(element);
        }
        shown = latest;
      }
      setStatus("fulfilled");
    },
    rejected(error) {
      if (!cell.active) return;
      keeping = false; // An input failed: the error replaces the kept output.
      // A package the built page left out: the whole libraries replace the subsets and the cell
      // runs again, its prerendered or last output kept meanwhile (it stays pending).
      if (isMissingLibraryPart(error) && context.provideWholeLibraries) {
        context.provideWholeLibraries().then(
          (replaced) => replaced || showError(error),
          () => showError(error),
        );
        return;
      }
      showError(error);
    },
  };

  /** Shows the error of the latest run in place of (or under) its output; the cell is rejected. */
  function showError(error: unknown): void {
    settle();
    const line = (typeof error === "object" && error !== null && errorLines.get(error)) || cell.definition.line;
    const location = `${context.module.file}:${line}`;
    const report = describeError(error, graphInputs, location, (name) => locateName(context, name));
    // Keep what this run displayed before it failed; otherwise the error replaces the old output.
    if (!(latest > computeStart && displayed === latest)) clearOutput(element);
    appendError(element, report, inline);
    shown = latest;
    setStatus("rejected", report.message);
  }

  // The timers of the latest run, cancelled when the next run starts or the cell goes; and the
  // frame of the body seen when the body called one synchronously (to locate a callback's error).
  let timers: CellTimers | undefined;
  let bodySite: CallSite | undefined;
  cell.dispose = () => {
    timers?.clear();
    stalls.clear(stall);
    visibleFirst?.unwatch(element);
  };
  const usesTimers = definition.params.some(isTimerName);
  const createTimers = (run: number): CellTimers => {
    const own = createCellTimers((error) => lateError(run, error));
    const note = <F extends (...args: never[]) => unknown>(f: F): F =>
      ((...args: Parameters<F>) => {
        if (running && !bodySite) bodySite = findBodySite(readCallSites(new Error()), runCellSite);
        return f(...args);
      }) as F;
    return { ...own, setTimeout: note(own.setTimeout), setInterval: note(own.setInterval), requestAnimationFrame: note(own.requestAnimationFrame) };
  };
  let running = false;
  // An error thrown later by a callback of run `run` (a timer's, a frame's): shown at the cell,
  // under what the run displayed, and the cell reported as rejected (its values stay as they were).
  let lateBox: HTMLElement | undefined;
  const lateError = (run: number, thrown: unknown): void => {
    if (run !== latest || !cell.active) return;
    const error = clarifyError(thrown);
    const line = mapBodyLine(findLateLine(readCallSites(thrown), bodySite), cell.definition.line, cell.definition.source) ?? cell.definition.line;
    const report = describeError(error, [], `${context.module.file}:${line}`);
    lateBox?.remove();
    const count = element.childElementCount;
    appendError(element, report, inline);
    lateBox = element.childElementCount > count ? (element.lastElementChild as HTMLElement) : undefined;
    setStatus("rejected", report.message);
  };

  const slots = definition.params.map((p) => (isLocal(p) ? p : graphParams.indexOf(p)));
  const importer = (specifier: string) => createImporter(context.module.modules, context.module.file)(specifier);
  const body = definition.body as (...args: unknown[]) => unknown;
  const run = errors.length
    ? () => {
        const first = errors[0]!;
        throw new DiagnosticError(errors.map((d) => d.message).join("\n"), `${context.module.file}:${first.line}:${first.column}`);
      }
    : function runCell(this: unknown, ...args: unknown[]): unknown {
        const display = displayFor(++latest);
        timers?.clear();
        lateBox = undefined;
        const own = usesTimers ? (timers = createTimers(latest)) : undefined;
        const values = slots.map((slot) =>
          slot === "display"
            ? display
            : slot === "view"
              ? createView(display)
              : slot === "__import"
                ? importer
                : typeof slot === "string" && own && isTimerName(slot)
                  ? own[slot]
                  : args[slot as number],
        );
        runCellSite ??= readOwnSite();
        running = true;
        try {
          const result = body.apply(this, values);
          if (!definition.async || !(result instanceof Promise)) return result;
          // An async body throws through its promise: before its first await (its frame sits
          // on runCell's), or after one (its frame is the last).
          return result.catch((error: unknown) => {
            const sites = readCallSites(error);
            throw noteErrorLine(error, cell, findSyncBodyLine(sites, runCellSite) ?? findAsyncBodyLine(sites));
          });
        } catch (error) {
          throw noteErrorLine(error, cell, findSyncBodyLine(readCallSites(error), runCellSite));
        } finally {
          running = false;
        }
      };

  const start = (): void => {
    setStatus("pending"); // Reported before the first computation starts, so idle() waits for it.
    stalls.watch(stall);
  };
  // A kept cell's first run keeps the prerendered output, unless an input has moved since.
  const runFirst = function (this: unknown, ...args: unknown[]): unknown {
    if (keeping) {
      keeping = false;
      if (isStillKept(context, element, keep!)) return KEPT;
      start();
    }
    return run.apply(this, args);
  };
  if (keeping) board.set({ id, line: definition.line, status: "fulfilled" });
  else start();
  const hiddenName = definition.outputs.length ? `cell ${id}` : null;
  // A re-run whose output is off screen may wait for the on-screen cells' paint (runVisibleFirst.ts).
  // Not a generator's: it steps with the frames already.
  const visibleFirst = definition.generator ? null : pageVisibleFirst();
  let variable: ReturnType<typeof main.variable> | undefined;
  const ordered = (f: typeof run) => (visibleFirst ? visibleFirst.defer(f, element, () => (cell.active ? variable : undefined), () => latest > 0, () => timers?.clear()) : f);
  variable = main.variable(observer).define(hiddenName, graphInputs, ordered(keeping ? runFirst : run));
  cell.variables.push(variable);
  // A kept output that listens gets its first run later (hydrateLater.ts), unless one came first.
  if (keeping && isHydratedLater(element)) cell.runKept = () => void (latest === 0 && cell.active && variable!.define(hiddenName, graphInputs, ordered(run)));
  for (const name of definition.outputs) {
    const read = (exports: unknown) => readOutput(context, cell, exports, name);
    cell.variables.push(main.variable(true).define(name, hiddenName ? [hiddenName] : [], read));
  }
  visibleFirst?.watch(element, cell.variables);
  return cell;
}

/** The variable an exercise's `seed` reads (src/learn/exercise/ sets it); 1 until set. */
export function exerciseSeedName(context: LessonContext, exercise: string): string {
  const name = `seed ${exercise}`;
  // A module builtin: the value until a variable of that name is defined, which then takes over.
  context.main.builtin(name, 1);
  return name;
}

// Records the .md line of body line `n` for `error`, and returns the error to rethrow.
function noteErrorLine(error: unknown, cell: DefinedCell, n: number | undefined): unknown {
  const line = mapBodyLine(n, cell.definition.line, cell.definition.source);
  if (line !== undefined && typeof error === "object" && error !== null) errorLines.set(error, line);
  return error;
}

/** Removes a cell's variables; its dependents see its names as undefined until redefined. */
export function deleteCell(context: LessonContext, cell: DefinedCell): void {
  cell.active = false;
  cell.dispose?.();
  for (const variable of cell.variables) variable.delete();
  cell.variables = [];
  context.board.delete(cell.definition.id);
}

// The body's own frame in `sites`, a stack taken inside a call the body made: the one just above
// `caller` (runCell's frame).
function findBodySite(sites: CallSite[] | undefined, caller: CallSite | undefined): CallSite | undefined {
  if (!sites || !caller) return undefined;
  const index = sites.findIndex((site) => isSameFunction(site, caller));
  return index > 0 ? sites[index - 1] : undefined;
}

// The body line of a callback's error: its top frame in the body's file, counted from the body's
// first line (the body's own frame, seen earlier); undefined when either is unknown.
function findLateLine(sites: CallSite[] | undefined, body: CallSite | undefined): number | undefined {
  const start = body?.getEnclosingLineNumber?.();
  if (!sites || !body || !start) return undefined;
  const line = sites.find((site) => isSameScript(site, body))?.getLineNumber();
  return line ? line - start + 1 : undefined;
}

// An output variable's value is the named field of the cell's result. When it is a view's
// generator, remember the element behind the name (and restore a hot-reloaded value into it).
function readOutput(context: LessonContext, cell: DefinedCell, exports: unknown, name: string): unknown {
  const value = exports == null ? undefined : (exports as Record<string, unknown>)[name];
  const element = findViewElement(value);
  if (element) {
    cell.views.set(name, element);
    noteFirstValue(element);
    if (context.carry.has(name)) {
      const old = context.carry.get(name);
      context.carry.delete(name);
      try {
        (element as Element & { value: unknown }).value = old;
      } catch {
        // The new input cannot take the old value (another type): it keeps its own.
      }
    }
  }
  return value;
}

// The runner's data: what a caller asks for (RunOptions), what it gets back (RunResult), and the job
// the main thread hands to the worker (RunJob, internal).

import type { Diagnostic } from "../contract/diagnostic.ts";
import type { CellState } from "../runtime/types.ts";

/** An extra expression to evaluate against the lesson once its cells have run. */
export interface Probe {
  /** The key of its result in RunResult.probes. */
  name: string;
  /** One expression (TypeScript allowed) over the lesson's names and builtins, e.g. `dLdw` or `loss(0.5) < 1`. */
  source: string;
  /** Seeds `Math.random` (d3.randomLcg) each time the probe's expression starts, so a randomised check repeats. */
  seed?: number;
}

/** Options of {@link runLesson}. */
export interface RunOptions {
  /**
   * Cells to run with another source (a solution, a student's code), keyed by cell id or by a name
   * the cell declares. The replacement keeps the cell's id, line and options, as an in-page edit does.
   */
  replace?: Record<string, string>;
  /** Expressions whose values to return (RunResult.probes). */
  probes?: Probe[];
  /**
   * Hard limit of the run from the moment its worker has started (DOM and runtime loaded): past it
   * the worker is terminated and the run reported killed (default 30 s).
   */
  timeoutMs?: number;
  /** Limit of the worker's start-up: past it runLesson rejects with RunnerUnavailableError (default 120 s). */
  startTimeoutMs?: number;
  /** Stops the run when aborted (the build it was for has failed): its worker is terminated and the run reported killed. */
  signal?: AbortSignal;
  /** The `width` builtin: the lesson column's content width (default {@link READING_WIDTH}). */
  width?: number;
  /** Seeds `Math.random` for the whole run (default: the engine's own, unseeded). */
  seed?: number;
  /** The .md path as error messages show it (default `lesson.file`). */
  file?: string;
  /** The .md file on disk, where the lesson's imports resolve from (default `lesson.file` from the working folder). */
  path?: string;
  /**
   * How long to let animations (generators, `requestAnimationFrame` loops) run on after every cell
   * has settled, until the lesson's DOM stays still for a few frames (default 1 s).
   */
  animationMs?: number;
  /**
   * Take the HTML for a page read without JavaScript (prerenderLesson): every form control in
   * `html` and `outputs` comes back disabled, since nothing would answer it. The run may mount the
   * output slots alone (findRunnerBody.ts), and `html` is then theirs, not the whole body's.
   */
  prerender?: boolean;
}

/**
 * The reading layout's lesson column: `main#lesson` is 42rem wide with 1.25rem of padding each
 * side (src/runtime/theme.css), so at 16 px per rem its content is 672 − 40 = 632 px wide.
 */
export const READING_WIDTH = 632;

/** A probe's outcome. Values come back structured-clonable (see toClonable.ts). */
export type ProbeResult = { ok: true; value: unknown } | { ok: false; error: string };

/** What a run produces. */
export interface RunResult {
  /** The lesson root's inner HTML once every cell settled (form controls' values written into attributes); "" when killed. */
  html: string;
  /** Each cell's output element's inner HTML (the children the runtime owns), by cell id; empty when killed. */
  outputs: Record<string, string>;
  /**
   * The cells whose output has no event listener anywhere in it (src/run/findStaticOutputs.ts): a
   * built page keeps such an output until one of the cell's inputs changes. Empty when killed.
   */
  staticOutputs: string[];
  /**
   * The other cells whose output could not differ in the reader's page at the same inputs, but
   * listens for an event (an `Inputs.table` sorts and selects): a built page keeps such an output at
   * start too, and runs its cell once the page is idle or the reader reaches for the output
   * (src/runtime/hydrateLater.ts). Empty when killed.
   */
  listeningOutputs: string[];
  /** Every cell's state, as `window.lesson.cells()` reports it in the browser, by .md line. */
  cells: CellState[];
  /** The probes' results, by probe name. */
  probes: Record<string, ProbeResult>;
  /** True when the run was stopped at `timeoutMs` (or its worker died): `error` says where. */
  killed: boolean;
  /** Why the run was killed, as `file:line message` when the cell that was running is known. */
  error?: string;
  /** What the cells wrote to the console (stdout and stderr of the worker), at most 64 kB. */
  log: string;
}

/** The job the worker runs (everything structured-clonable). */
export interface RunJob {
  file: string;
  title: string;
  html: string;
  diagnostics: Diagnostic[];
  /** The cells as the page gets them: renderCells' array source, which reads `createGuard`. */
  cells: string;
  /** The ids of guarded cells, in the order their `createGuard()` calls run (the array's order). */
  guarded: string[];
  /** Each import specifier's resolved file URL, or why it does not resolve. */
  modules: Record<string, { url: string } | { error: string }>;
  /** The library packages the cells will load, imported as soon as the DOM exists (runWorker.mjs). */
  preload: string[];
  /** Probe cells: their probe name, cell id and the variable holding the value. */
  probes: { name: string; id: string; variable: string; seed?: number }[];
  width: number;
  seed?: number;
  animationMs: number;
  prerender: boolean;
  /** Int32Array(1): 1 + the index in `guarded` of the cell whose body started last (0: none yet). */
  running: SharedArrayBuffer;
}

/** What the worker sends back. */
export type WorkerMessage =
  | { type: "ready" }
  | { type: "status"; state: CellState }
  | { type: "done"; result: Pick<RunResult, "html" | "outputs" | "cells" | "probes" | "staticOutputs" | "listeningOutputs"> }
  | { type: "failed"; message: string };

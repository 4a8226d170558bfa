// Runs a compiled lesson's cells in Node, as its page runs them, in a worker thread of its own:
// the DOM globals stay in the worker, a runaway cell can be killed, lessons run in parallel.
// The orchestrator of src/run/: prepareJob.ts (main thread) → runWorker.mjs → executeJob.ts (worker).
import { Worker } from "node:worker_threads";
import type { Lesson } from "../compile/index.ts";
import type { CellState } from "../runtime/types.ts";
import { prepareJob } from "./prepareJob.ts";
import type { RunJob, RunOptions, RunResult, WorkerMessage } from "./types.ts";

/** The runner could not start (its DOM or its modules failed to load): nothing of the lesson ran. */
export class RunnerUnavailableError extends Error {
  override name = "RunnerUnavailableError";
}

/** Default of RunOptions.timeoutMs. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Default of RunOptions.startTimeoutMs: loading happy-dom and the runtime, slow on a busy machine. */
export const DEFAULT_START_TIMEOUT_MS = 120_000;

// Cells may print a lot; a report keeps the first 64 kB.
const LOG_LIMIT = 64 * 1024;

/**
 * Runs `lesson` in a fresh worker and resolves once every cell has settled (and animations have
 * run out, within `animationMs`), or once the run is killed `timeoutMs` after the worker started
 * (RunResult.killed, with the cell that was running). Rejects with RunnerUnavailableError when the
 * worker cannot start (or takes over `startTimeoutMs` to), and throws when `options.replace` names
 * no cell of the lesson.
 */
export function runLesson(lesson: Lesson, options: RunOptions = {}): Promise<RunResult> {
  const job = prepareJob(lesson, options);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    // execArgv empty: a worker inherits the parent's flags, and a parent started through tsx (or a
    // test runner) would give it a second set of loader hooks that slow every import several times.
    const worker = new Worker(new URL("./runWorker.mjs", import.meta.url), { workerData: job, stdout: true, stderr: true, execArgv: [] });
    const states = new Map<string, CellState>();
    let log = "";
    let ready = false;
    let finished = false;
    const record = (chunk: Buffer) => {
      if (log.length < LOG_LIMIT) log += chunk.toString("utf8").slice(0, LOG_LIMIT - log.length);
    };
    worker.stdout.on("data", record);
    worker.stderr.on("data", record);
    const finish = (outcome: () => void) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", abort);
      void worker.terminate();
      outcome();
    };
    const kill = (why: string) =>
      finish(() => {
        if (!ready) reject(new RunnerUnavailableError(`the lesson runner did not start: ${why}`));
        else resolve(reportKilled(job, states, why, log));
      });
    // Start-up has its own limit: on a busy machine it can take longer than a lesson's cells.
    let timer = setTimeout(() => kill(`it took more than ${startTimeoutMs / 1000} s to start`), startTimeoutMs);
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "ready") {
        ready = true;
        clearTimeout(timer);
        timer = setTimeout(() => kill(`the run took more than ${Number((timeoutMs / 1000).toFixed(1))} s`), timeoutMs);
      }
      else if (message.type === "status") states.set(message.state.id, message.state);
      else if (message.type === "done") finish(() => resolve({ ...message.result, killed: false, log }));
      else kill(message.message);
    });
    // A run nobody waits for any more ends now, not at its time limit (a failed build would wait for it).
    const abort = () => kill("it was stopped");
    options.signal?.addEventListener("abort", abort, { once: true });
    if (options.signal?.aborted) abort();
    worker.on("error", (error) => kill(error.stack ?? error.message));
    worker.on("exit", (code) => kill(`its worker exited (code ${code})`));
  });
}

/**
 * The result of a killed run: the states the worker last reported, with the cell whose body
 * started last (the one still running, for a cell stuck in one long computation) rejected with
 * why, at its line.
 */
function reportKilled(job: RunJob, states: Map<string, CellState>, why: string, log: string): RunResult {
  const index = Atomics.load(new Int32Array(job.running), 0);
  const culprit = index > 0 ? states.get(job.guarded[index - 1]!) : undefined;
  const probeIds = new Set(job.probes.map((probe) => probe.id));
  const message = `Stopped: ${why}${culprit ? "; this cell was still running (a computation the loop guard cannot interrupt?)" : " before every cell settled"}`;
  if (culprit && culprit.status === "pending") states.set(culprit.id, { id: culprit.id, line: culprit.line, status: "rejected", error: message });
  const cells = [...states.values()].filter((state) => !probeIds.has(state.id)).sort((a, b) => a.line - b.line);
  const probes = Object.fromEntries(job.probes.map((probe) => [probe.name, { ok: false as const, error: `the run was killed: ${why}` }]));
  return {
    html: "",
    outputs: {},
    staticOutputs: [],
    listeningOutputs: [],
    cells,
    probes,
    killed: true,
    error: culprit && !probeIds.has(culprit.id) ? `${job.file}:${culprit.line} ${message}` : `${job.file} ${message}`,
    log,
  };
}

// Starting the checker without starving the lesson. A start is seconds of CPU (TypeScript's 3.5 MB
// script, 4 MB of declarations, the first program and type checker), and a page cannot lower a Web
// Worker's priority: on a machine with fewer free cores than busy threads, the worker takes time
// from the page's own cells, whose loop guard stops a cell after 1 s. So each step of a start
// waits until no cell is running, and a cell that starts running during a step stops the worker;
// it starts again once the page is idle. Only once (`maxRestarts`): a restart redoes the start's
// work, which on a machine short of CPU is what the page can least afford, and a page whose cells
// never rest must still get its checker. Only on a machine of at most two cores (`fewCores`): with
// more, the worker has a core of its own, and stopping it would only delay the checker. And only
// until the reader's first edit (`edited()`): the reader then waits for the checker, and the edit's
// own run (a pause in typing later) would otherwise stop a start that is nearly done and make the
// first diagnostics wait for a whole second start (measured: bench/METHOD.md, the type checker).
import type { Checker } from "./checkerWorker.ts";
import { startChecker, type RunningChecker } from "./startChecker.ts";

/** What the start needs to know of the page's cells. */
export interface PageActivity {
  /** Resolves when no cell is running (the page's `lesson.idle()`). */
  idle(): Promise<void>;
  /** Calls `listener` when a cell starts running; returns the function that stops listening. */
  onBusy(listener: () => void): () => void;
}

/** A checker being started, and how to stop it. */
export interface StartingChecker {
  /** The checker, once loaded and warmed (rejects when stopped or when it fails to start). */
  ready: Promise<Checker>;
  /**
   * The checker once the reader has edited and its TypeScript and files are in (or once `ready`):
   * from then on no cell stops it, so the check of the edit may go without waiting for the warm-up,
   * which gives way to it (checkerWorker.ts's `prepare`).
   */
  loaded: Promise<Checker>;
  /** The reader edited: from now on a cell that starts running no longer stops the start. */
  edited(): void;
  stop(): void;
}

const maxRestarts = 1;
const fewCores = 2;

/** How to start: `start` starts a worker, `cores` is the machine's (tests pass their own). */
export interface StartOptions {
  start?: () => RunningChecker;
  cores?: number;
}

/** A stop of the worker because the page's cells started running. */
class Preempted extends Error {}

/** Starts the worker when the page is idle, then `warm`s it (its first program), each step yielding to the page's cells. */
export function startCheckerWhenIdle(
  page: PageActivity,
  warm: (checker: Checker) => Promise<void>,
  { start = startChecker, cores = globalThis.navigator?.hardwareConcurrency ?? 1 }: StartOptions = {},
): StartingChecker {
  let running: RunningChecker | undefined;
  let stopped = false;
  let waitedFor = false;
  // A step's answer never comes from a stopped worker: stopping rejects the step that waits for it.
  let stopStep = () => {};
  // The attempt's checker once its load step is done (until it is stopped), and `loaded`'s resolvers.
  let loadedChecker: Checker | undefined;
  let resolveLoaded: (checker: Checker) => void = () => {};
  let rejectLoaded: (error: unknown) => void = () => {};
  const loaded = new Promise<Checker>((resolve, reject) => {
    resolveLoaded = resolve;
    rejectLoaded = reject;
  });

  /** Runs `step` on the worker; a cell that starts running meanwhile stops the worker (Preempted). */
  const yieldingStep = async (current: RunningChecker, step: () => Promise<void>, preemptible: boolean): Promise<void> => {
    await page.idle();
    if (stopped) throw new Error("The type checker was stopped.");
    let unsubscribe = () => {};
    const preempted = new Promise<never>((_, reject) => {
      stopStep = () => reject(new Error("The type checker was stopped."));
      if (preemptible) unsubscribe = page.onBusy(() => {
        if (waitedFor) return;
        current.stop();
        reject(new Preempted());
      });
    });
    try {
      await Promise.race([step(), preempted]);
    } finally {
      unsubscribe();
    }
  };

  const attempt = async (restarts: number): Promise<Checker> => {
    await page.idle();
    if (stopped) throw new Error("The type checker was stopped.");
    const current = (running = start());
    const preemptible = restarts < maxRestarts && cores <= fewCores;
    try {
      await yieldingStep(current, () => current.checker.load(), preemptible);
      loadedChecker = current.checker;
      if (waitedFor) resolveLoaded(current.checker);
      await yieldingStep(current, () => warm(current.checker), preemptible);
      return current.checker;
    } catch (error) {
      loadedChecker = undefined;
      if (!(error instanceof Preempted) || stopped) throw error;
      return attempt(restarts + 1);
    }
  };

  const ready = attempt(0);
  ready.then(resolveLoaded, rejectLoaded);
  // Handled by whoever waits for it; a start that fails before any edit leaves it unread.
  loaded.catch(() => {});
  return {
    ready,
    loaded,
    edited() {
      waitedFor = true;
      if (loadedChecker) resolveLoaded(loadedChecker);
    },
    stop() {
      stopped = true;
      running?.stop();
      stopStep();
    },
  };
}

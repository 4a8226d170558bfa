// Starts the checker's worker. A same-origin module worker: built pages allow no `blob:` workers
// (their Content-Security-Policy is `default-src 'self'`), and Vite bundles this URL pattern into
// a chunk of its own, in the dev server and in the static build alike.
import * as Comlink from "comlink";
import type { Checker } from "./checkerWorker.ts";

/** A running checker and how to stop it. */
export interface RunningChecker {
  checker: Checker;
  stop(): void;
}

/** Starts the worker (its TypeScript and declaration files load now, not before). */
export function startChecker(): RunningChecker {
  const worker = new Worker(new URL("./checkerWorker.ts", import.meta.url), { type: "module", name: "live-lesson type checker" });
  return { checker: Comlink.wrap<Checker extends Comlink.Remote<infer T> ? T : never>(worker) as Checker, stop: () => worker.terminate() };
}

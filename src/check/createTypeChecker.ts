// checkTypes off the main thread, for the dev server: a type check takes 50–300 ms once warm (and
// seconds cold), which must not hold up serving the page or its hot updates.
import { Worker } from "node:worker_threads";
import type { Lesson } from "../compile/index.ts";
import type { Diagnostic } from "../contract/diagnostic.ts";
import type { CheckTypesOptions } from "./checkTypes.ts";

/** A type checker running in a worker thread. */
export interface TypeChecker {
  /**
   * Resolves to `checkTypes(lesson, options)`. While a check of the same file waits its turn, a
   * newer one replaces it and both callers get the newer result (typing fast costs one check).
   */
  check(lesson: Lesson, options?: CheckTypesOptions): Promise<Diagnostic[]>;
  /** Stops the worker; pending checks reject. */
  close(): Promise<void>;
}

interface Waiting {
  lesson: Pick<Lesson, "file" | "cells" | "diagnostics" | "frontMatter" | "title" | "html">;
  file: string;
  settle: Array<{ resolve(d: Diagnostic[]): void; reject(e: Error): void }>;
}

/** Starts (lazily) a worker that type-checks lessons one at a time; it never keeps the process alive. */
export function createTypeChecker(): TypeChecker {
  let worker: Worker | undefined;
  let running: Waiting | undefined;
  let nextId = 0;
  const queue = new Map<string, Waiting>();

  const fail = (error: Error) => {
    for (const job of [running, ...queue.values()]) job?.settle.forEach((s) => s.reject(error));
    running = undefined;
    queue.clear();
    worker = undefined;
  };

  const start = (): Worker => {
    const spawned = new Worker(new URL("./typeCheckWorker.mjs", import.meta.url));
    spawned.unref();
    spawned.on("message", (reply: { diagnostics?: Diagnostic[]; error?: string }) => {
      const job = running;
      running = undefined;
      if (reply.error !== undefined) job?.settle.forEach((s) => s.reject(new Error(reply.error)));
      else job?.settle.forEach((s) => s.resolve(reply.diagnostics ?? []));
      pump();
    });
    spawned.on("error", fail);
    spawned.on("exit", (code) => code !== 0 && fail(new Error(`the type-check worker exited with code ${code}`)));
    return spawned;
  };

  const pump = () => {
    if (running || !queue.size) return;
    const [file, job] = queue.entries().next().value!;
    queue.delete(file);
    running = job;
    worker ??= start();
    worker.postMessage({ id: nextId++, lesson: job.lesson, file: job.file });
  };

  return {
    check(lesson, options = {}) {
      const file = options.file ?? lesson.file;
      return new Promise<Diagnostic[]>((resolve, reject) => {
        const { cells, diagnostics, frontMatter, title } = lesson;
        const waiting = queue.get(file);
        const settle = [...(waiting?.settle ?? []), { resolve, reject }];
        queue.set(file, { lesson: { file: lesson.file, cells, diagnostics, frontMatter, title, html: "" }, file, settle });
        pump();
      });
    },
    async close() {
      const stopping = worker;
      fail(new Error("the type checker was closed"));
      await stopping?.terminate();
    },
  };
}

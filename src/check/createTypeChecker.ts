// checkTypes off the main thread, for the dev server and the build: a type check takes 50–300 ms
// once warm (and seconds cold), which must not hold up serving the page or its hot updates. The
// same worker collects the page checker's declaration files (collectCheckerFiles) while it is open:
// it has TypeScript loaded and those files parsed already, where a worker of their own would load
// and parse them all again. For the same reason the build lints cells there (lintCell parses them
// with TypeScript): a build's main thread then never loads TypeScript, ~1.3 s of CPU before Vite
// could start, and the worker can load it while the main thread starts Vite (warm()).
import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import type { Lesson } from "../compile/index.ts";
import type { Diagnostic } from "../contract/diagnostic.ts";
import type { CellSource } from "../typecheck/summarizeCell.ts";
import type { CheckerFiles } from "../typecheck/types.ts";
import { readCachedAnswer, writeCachedAnswer } from "./cacheTypeAnswers.ts";
import type { CheckTypesOptions } from "./checkTypes.ts";

/** A type checker running in a worker thread. */
export interface TypeChecker {
  /**
   * Resolves to `checkTypes(lesson, options)`. While a check of the same file waits its turn, a
   * newer one replaces it and both callers get the newer result (typing fast costs one check).
   */
  check(lesson: Lesson, options?: CheckTypesOptions): Promise<Diagnostic[]>;
  /** Resolves to `collectCheckerFiles(lessonsDir, imports, cells)`, computed in the same worker, after the checks queued before it. */
  collectFiles(lessonsDir: string, imports: readonly string[], cells?: readonly CellSource[]): Promise<CheckerFiles>;
  /** Resolves to `lintLesson(lesson, source)` (the lint `lesson check` reports), computed in the same worker. */
  lint(lesson: Lesson, source: string, options?: CheckTypesOptions): Promise<Diagnostic[]>;
  /**
   * Starts the worker now, loading TypeScript and parsing the declarations every check reads (a check
   * of a lesson without cells, as if at `file`), so that the first real check finds them ready.
   */
  warm(file: string): void;
  /** Stops the worker; pending checks reject. */
  close(): Promise<void>;
}

interface Waiting {
  /** What the worker gets: a lesson to check, or the files to collect. */
  message:
    | { lesson: Pick<Lesson, "file" | "cells" | "diagnostics" | "frontMatter" | "title" | "html">; file: string }
    | { collect: { lessonsDir: string; imports: readonly string[]; cells: readonly CellSource[] } }
    | { lint: { lesson: Pick<Lesson, "cells" | "frontMatter">; source: string } }
    | { warm: { file: string } };
  /** The lesson file or lessons folder the answer is kept for, with `cache`. */
  place: string;
  settle: Array<{ resolve(result: never): void; reject(e: Error): void }>;
}

/** Options of {@link createTypeChecker}. */
export interface TypeCheckerOptions {
  /**
   * Keep answers between processes (node_modules/.cache, cacheTypeAnswers.ts) and reuse them when
   * nothing they depend on changed: the build's, whose lessons mostly have not changed since the
   * last build. Off for the dev server, whose checks follow every keystroke.
   */
  cache?: boolean;
}

/** The checkers whose worker is open, latest last: collectCheckerFilesOffThread asks the latest. */
const open: TypeChecker[] = [];

/** The latest type checker not yet closed, if any. */
export function findOpenTypeChecker(): TypeChecker | undefined {
  return open.at(-1);
}

/** Starts (lazily) a worker that type-checks lessons one at a time; it never keeps the process alive. */
export function createTypeChecker(options: TypeCheckerOptions = {}): TypeChecker {
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
    spawned.on("message", (reply: { diagnostics?: Diagnostic[]; files?: CheckerFiles; read?: string[]; error?: string }) => {
      const job = running;
      running = undefined;
      if (reply.error !== undefined) job?.settle.forEach((s) => s.reject(new Error(reply.error)));
      else {
        const answer = reply.files ?? reply.diagnostics ?? [];
        if (job && reply.read) writeCachedAnswer(job.place, job.message, answer, reply.read);
        job?.settle.forEach((s) => s.resolve(answer as never));
      }
      pump();
    });
    spawned.on("error", fail);
    spawned.on("exit", (code) => code !== 0 && fail(new Error(`the type-check worker exited with code ${code}`)));
    return spawned;
  };

  const pump = () => {
    if (running || !queue.size) return;
    const [key, job] = queue.entries().next().value!;
    queue.delete(key);
    running = job;
    worker ??= start();
    worker.postMessage({ id: nextId++, ...job.message, track: options.cache === true && !("warm" in job.message) });
  };

  /**
   * Queues `message` under `key`: a newer job of the same key replaces a waiting one, and its
   * callers get the newer result. With `cache`, an answer kept for `place` that still holds needs no worker.
   */
  const enqueue = <T>(key: string, place: string, message: Waiting["message"]) => {
    const cached = options.cache ? readCachedAnswer<T>(place, message) : undefined;
    if (cached !== undefined) return Promise.resolve(cached);
    return new Promise<T>((resolve, reject) => {
      const waiting = queue.get(key);
      queue.set(key, { message, place, settle: [...(waiting?.settle ?? []), { resolve, reject }] });
      pump();
    });
  };

  const checker: TypeChecker = {
    check(lesson, options = {}) {
      const file = options.file ?? lesson.file;
      const { cells, diagnostics, frontMatter, title } = lesson;
      return enqueue<Diagnostic[]>(file, resolve(file), { lesson: { file: lesson.file, cells, diagnostics, frontMatter, title, html: "" }, file });
    },
    collectFiles(lessonsDir, imports, cells = []) {
      // Keyed apart from any lesson's file (no path holds a NUL); the cells' texts are in the
      // message, hence in the cached answer's key too.
      const message = { collect: { lessonsDir, imports: [...imports], cells: [...cells] } };
      return enqueue<CheckerFiles>(`\0collect:${lessonsDir}:${JSON.stringify(imports)}`, resolve(lessonsDir), message);
    },
    lint(lesson, source, options = {}) {
      const file = resolve(options.file ?? lesson.file);
      const { cells, frontMatter } = lesson;
      // Kept apart from the file's type errors (one cache entry per place): the place names a file no lesson has.
      return enqueue<Diagnostic[]>(`\0lint:${file}`, `${file}\0lint`, { lint: { lesson: { cells, frontMatter }, source } });
    },
    warm(file) {
      // Not cached: its answer is nothing, what it leaves in the worker is the point.
      queue.set(`\0warm:${file}`, { message: { warm: { file } }, place: "", settle: [] });
      pump();
    },
    async close() {
      const index = open.indexOf(checker);
      if (index >= 0) open.splice(index, 1);
      const stopping = worker;
      fail(new Error("the type checker was closed"));
      await stopping?.terminate();
    },
  };
  open.push(checker);
  return checker;
}

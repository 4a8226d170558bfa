// collectCheckerFiles off the main thread, for the dev server and the build: it builds a TypeScript
// program over every declaration file (seconds, more on a busy machine), which must not hold up
// serving pages while a reader's checker waits for its files, nor the bundling.
import { Worker } from "node:worker_threads";
import type { CellSource } from "../typecheck/summarizeCell.ts";
import type { CheckerFiles } from "../typecheck/types.ts";
import { findOpenTypeChecker } from "./createTypeChecker.ts";

/**
 * Resolves to `collectCheckerFiles(lessonsDir, imports, cells)`, computed in the open type checker's worker
 * when there is one (TypeScript loaded and the declarations parsed once, not twice), else in a
 * worker thread of its own.
 */
export function collectCheckerFilesOffThread(lessonsDir: string, imports: readonly string[], cells: readonly CellSource[] = []): Promise<CheckerFiles> {
  const checker = findOpenTypeChecker();
  if (checker) return checker.collectFiles(lessonsDir, imports, cells);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./collectCheckerFilesWorker.mjs", import.meta.url), { workerData: { lessonsDir, imports, cells } });
    worker.once("message", (reply: { files?: CheckerFiles; error?: string }) => {
      void worker.terminate();
      if (reply.files) resolve(reply.files);
      else reject(new Error(reply.error ?? "collectCheckerFiles answered nothing"));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`the checker files' worker exited with code ${code}`)));
  });
}

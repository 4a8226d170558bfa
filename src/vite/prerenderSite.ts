// Runs every lesson of a site once at its defaults (src/run's prerenderLesson), a few at a time, for
// the build to write each cell's first output into its page. A lesson whose run fails is built as
// before (its cells render in the browser); a runner that cannot start turns prerendering off with
// one notice, and the build goes on. The build does not wait for it to bundle: the outputs go into
// the pages the bundler has made (buildPlugin.ts's transformIndexHtml).
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import type { Logger } from "vite";
import type { Lesson } from "../compile/index.ts";
import { DEFAULT_TIMEOUT_MS, prerenderLesson, RunnerUnavailableError, type Prerendered } from "../run/index.ts";
import type { Site } from "../site/createSite.ts";

/** Writes a lesson's prerendered outputs into its page's HTML (Prerendered.fill). */
export type FillPage = NonNullable<Prerendered["fill"]>;

/**
 * The prerendered lessons of `site`, by slug, each as the function that writes its outputs into its
 * page: only lessons without errors that ran to the end. Once `signal` aborts (the build failed),
 * the runs still going are stopped and nothing more is logged.
 */
export async function prerenderSite(site: Site, logger: Pick<Logger, "info" | "warn">, signal?: AbortSignal): Promise<Map<string, FillPage>> {
  const fills = new Map<string, FillPage>();
  const entries = site.lessons().filter((entry) => !entry.errors);
  if (entries.length === 0) return fills;
  const started = performance.now();
  let unavailable: string | undefined;
  let done = 0;
  const queue = [...entries];
  const work = async () => {
    for (let entry = queue.shift(); entry && !unavailable && !signal?.aborted; entry = queue.shift()) {
      const { lesson, path } = site.compile(entry.path);
      const t0 = performance.now();
      try {
        const result = await prerenderLesson(lesson, { path, file: lesson.file, signal, timeoutMs: findPrerenderLimit(lesson) });
        if (signal?.aborted) return;
        done += 1;
        const seconds = ((performance.now() - t0) / 1000).toFixed(1);
        const leftOut = result.leftOut.length ? `, ${result.leftOut.length} left to the browser` : "";
        if (result.fill === undefined) logger.warn(`prerender ${done}/${entries.length} ${lesson.file}: not prerendered: ${result.error}`);
        else {
          fills.set(entry.slug, result.fill);
          logger.info(`prerender ${done}/${entries.length} ${lesson.file}: ${result.count} outputs${leftOut} (${seconds} s)`);
        }
      } catch (error) {
        if (!(error instanceof RunnerUnavailableError)) throw error;
        unavailable ??= error.message;
      }
    }
  };
  // One lesson per core: each run is a worker thread with its own DOM.
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), entries.length) }, work));
  if (signal?.aborted) fills.clear();
  else if (unavailable) {
    logger.warn(`lesson build: pages are not prerendered (their cells render in the browser): ${unavailable}`);
    fills.clear();
  } else {
    logger.info(`prerendered ${fills.size} of ${entries.length} lessons in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return fills;
}

// Each cell that runs adds to a run's limit: the generated 1,000-cell lesson takes ~6 s of the
// worker's CPU on an idle machine, a chapter of 90 cells ~2 s.
const PER_CELL_MS = 20;

/**
 * The time limit of `lesson`'s prerender run: the runner's default plus {@link PER_CELL_MS} per
 * cell that runs, stretched by how busy the machine is (the 1-minute load average per core, when
 * over 1). The limit is wall-clock time, and at a load of 20 on two cores the chapter and the
 * 1,000-cell lesson lost their prerender to a fixed 30 s while their runs were sound; the loop
 * guard, not this limit, stops the endless loops lessons are likely to have.
 */
export function findPrerenderLimit(lesson: Pick<Lesson, "cells">, load: number = loadavg()[0]! / availableParallelism()): number {
  const cells = lesson.cells.filter((cell) => cell.options.run).length;
  return Math.round((DEFAULT_TIMEOUT_MS + PER_CELL_MS * cells) * Math.max(1, load));
}

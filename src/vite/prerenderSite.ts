// Runs every lesson of a site once at its defaults (src/run's prerenderLesson), a few at a time, for
// the build to write each cell's first output into its page. A lesson whose run fails is built as
// before (its cells render in the browser); a runner that cannot start turns prerendering off with
// one notice, and the build goes on.
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import type { Logger } from "vite";
import { prerenderLesson, RunnerUnavailableError } from "../run/index.ts";
import type { Site } from "../site/createSite.ts";

/** The prerendered lesson bodies of `site`, by slug: only lessons without errors that ran to the end. */
export async function prerenderSite(site: Site, logger: Pick<Logger, "info" | "warn">): Promise<Map<string, string>> {
  const bodies = new Map<string, string>();
  const entries = site.lessons().filter((entry) => !entry.errors);
  if (entries.length === 0) return bodies;
  const started = performance.now();
  let unavailable: string | undefined;
  let done = 0;
  const queue = [...entries];
  const work = async () => {
    for (let entry = queue.shift(); entry && !unavailable; entry = queue.shift()) {
      const { lesson, path } = site.compile(entry.path);
      const t0 = performance.now();
      try {
        const result = await prerenderLesson(lesson, { path, file: lesson.file });
        done += 1;
        const seconds = ((performance.now() - t0) / 1000).toFixed(1);
        const leftOut = result.leftOut.length ? `, ${result.leftOut.length} left to the browser` : "";
        if (result.html === undefined) logger.warn(`prerender ${done}/${entries.length} ${lesson.file}: not prerendered: ${result.error}`);
        else {
          bodies.set(entry.slug, result.html);
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
  if (unavailable) {
    logger.warn(`lesson build: pages are not prerendered (their cells render in the browser): ${unavailable}`);
    bodies.clear();
  } else {
    logger.info(`prerendered ${bodies.size} of ${entries.length} lessons in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return bodies;
}

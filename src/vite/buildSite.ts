// The static build of a folder of lessons: Vite with this plugin and no config file.
import { build } from "vite";
import { lessonPlugin, type LessonPluginOptions } from "./plugin.ts";

/**
 * Builds the lessons in `dir` into `outDir` (what `lesson build` and the browser tests run). Rejects
 * when a lesson has errors, with one positioned error per problem (findLessonErrors reads them).
 */
export async function buildSite(options: {
  dir: string;
  outDir: string;
  base?: string;
  quiet?: boolean;
  /** Fail on type errors across cells (default true). */
  typecheck?: boolean;
  onDiagnostics?: LessonPluginOptions["onDiagnostics"];
  /** Write each cell's first output into the pages (default true). */
  prerender?: boolean;
}): Promise<void> {
  await build({
    configFile: false,
    logLevel: options.quiet ? "warn" : "info",
    plugins: [lessonPlugin({ root: options.dir, base: options.base, typecheck: options.typecheck, onDiagnostics: options.onDiagnostics, prerender: options.prerender })],
    build: {
      outDir: options.outDir,
      emptyOutDir: true,
      // Rolldown's "JavaScript callbacks ran for…" timing advice is for plugin authors: a clean
      // build of a course prints no warning.
      rolldownOptions: { checks: { bundlerTimings: false } },
    },
  });
}

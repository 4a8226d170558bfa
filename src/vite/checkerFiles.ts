// `virtual:live-lesson/checker-files`: the declaration files the page's type checker (a Web Worker,
// src/editor/typecheck/) runs on, read in Node from what `lesson check` reads. Only the worker
// imports it, so it ships as a lazy same-origin chunk and a reader who never edits never loads it.
import type { Plugin } from "vite";
import { collectCheckerFiles } from "../check/collectCheckerFiles.ts";

/** The id the worker imports. */
export const checkerFilesId = "virtual:live-lesson/checker-files";

/** The module and its plugin for the worker's own bundle (Vite builds workers with `worker.plugins`). */
export interface CheckerFilesModule {
  resolveId(source: string): string | undefined;
  load(id: string): string | undefined;
  /** For `worker.plugins`: the build bundles the worker apart from the pages. */
  plugin(): Plugin;
}

/**
 * The checker's files for the lessons in `lessonsDir`, whose cells import `imports()` (read at
 * each load, so the dev server follows new imports after a reload of the page).
 */
export function createCheckerFilesModule(lessonsDir: string, imports: () => string[]): CheckerFilesModule {
  const module: CheckerFilesModule = {
    resolveId: (source) => (source === checkerFilesId ? `\0${checkerFilesId}` : undefined),
    load(id) {
      if (id !== `\0${checkerFilesId}`) return undefined;
      return `export default ${JSON.stringify(collectCheckerFiles(lessonsDir, imports()))};`;
    },
    plugin: () => ({ name: "live-lesson:checker-files", resolveId: module.resolveId, load: module.load }),
  };
  return module;
}

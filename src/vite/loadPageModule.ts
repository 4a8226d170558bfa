// A lesson page's module (virtual:live-lesson/page/<slug>): the compiled lesson, its imports
// resolved through Vite, rendered by the site model.
import { existsSync } from "node:fs";
import { normalizePath, type Rolldown } from "vite";
import type { Diagnostic } from "../contract/diagnostic.ts";
import type { CompiledLesson, Site } from "../site/createSite.ts";
import { collectImports, renderLessonModule, type ModuleOptions } from "../site/renderLessonModule.ts";
import { transpileCells } from "../site/transpileCells.ts";
import { entries, findStyles } from "./packageFiles.ts";
import { fingerprintExercises } from "./fingerprintExercises.ts";
import { resolveFromLesson } from "./resolveFromLesson.ts";

/** The plugin context methods loading a page needs (a load hook's `this`). */
export type PageContext = Pick<Rolldown.PluginContext, "addWatchFile" | "resolve">;

/** A loaded page module: its source, the lesson it comes from, and the problems the compiler could not see. */
export interface PageModule {
  code: string;
  compiled: CompiledLesson;
  /** One error per import that does not resolve (code "unresolved-import"), at the cell importing it. */
  unresolved: Diagnostic[];
  /** What running the exercises found (a solution failing its own check). */
  exercises: Diagnostic[];
  /**
   * Everything the compiler could not see: `unresolved`, `exercises`, and the lesson's problems as a
   * page of the site (links, next, prerequisites). The page shows them.
   */
  extra: Diagnostic[];
  /** Set when the page went out before its exercises' fingerprints were ready: resolves once they are. */
  fingerprinted?: Promise<unknown>;
}

/** How long the dev server waits for exercises' fingerprints before serving the page without them. */
const DEV_FINGERPRINT_WAIT_MS = 5_000;

/** What differs between dev and build pages (renderLessonModule's options). */
export type PageModuleMode = Pick<ModuleOptions, "htmlFromPage" | "libraries">;

/** Compiles the lesson `slug` (if its text changed), resolves its imports and renders its module. */
export async function loadPageModule(ctx: PageContext, site: Site, slug: string, mode: PageModuleMode): Promise<PageModule> {
  const path = site.pathOf(slug);
  ctx.addWatchFile(path);
  const compiled = site.compile(path);
  const { lesson } = compiled;
  const reasons = new Map<string, string>();
  const unresolved: Diagnostic[] = [];
  for (const specifier of collectImports(lesson)) {
    if (await resolveFromLesson(ctx, specifier, path)) continue;
    const message = `Cannot find module "${specifier}" (is it installed?)`;
    const cell = lesson.cells.find((c) => c.imports.includes(specifier));
    reasons.set(specifier, message);
    unresolved.push({ severity: "error", code: "unresolved-import", message, line: cell?.line ?? 1, column: cell?.column ?? 1, ...(cell ? { cell: cell.id } : {}) });
  }
  // A build waits for every fingerprint; the dev server serves the page after a few seconds at most.
  const exercises = await fingerprintExercises(lesson, path, site.fileOf(path), mode.htmlFromPage ? undefined : DEV_FINGERPRINT_WAIT_MS);
  const extra = [...unresolved, ...exercises.diagnostics, ...site.findSiteProblems(path)];
  const code = renderLessonModule(lesson, {
    ...mode,
    file: site.fileOf(path),
    transpiled: transpileCells(lesson),
    unresolved: reasons,
    diagnostics: extra,
    styles: findStyles(),
    editor: existsSync(entries.editor) ? normalizePath(entries.editor) : undefined,
    learn: existsSync(entries.learn) ? normalizePath(entries.learn) : undefined,
    exercises: normalizePath(entries.exercises),
    fingerprints: exercises.fingerprints,
  });
  return { code, compiled, unresolved, exercises: exercises.diagnostics, extra, ...(exercises.complete ? { fingerprinted: exercises.complete } : {}) };
}

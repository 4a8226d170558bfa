// The site model: a folder of lessons as a site. Its lessons and their reading order, each lesson
// compiled once per change of its text, the page a URL path names, and the HTML of every page.
// Node-side and bundler-free: the Vite plugin (dev server and build), the CLI and a future
// single-file export all stand on it. The orchestrator of src/site/.
import { existsSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import type { Lesson } from "../compile/index.ts";
import { compileSafely } from "./compileSafely.ts";
import { describeLesson, type LessonEntry } from "./describeLesson.ts";
import { findLessonFiles, isLessonFile, readLesson, slugOf as slugOfFile } from "./findLessons.ts";
import { isLessonSlug, matchPage, type PageRoute } from "./matchPage.ts";
import { renderIndexPage, renderLessonPage, type PageOptions } from "./renderPage.ts";
import { sortLessons } from "./sortLessons.ts";

/** Options of {@link createSite}. */
export interface SiteOptions {
  /** The folder of lessons: `<slug>.md` files directly in it (`_…` drafts left out). */
  root: string;
  /** The site title in every page header; default "Live Lessons". */
  title?: string;
}

/** A lesson as the site last compiled it. */
export interface CompiledLesson {
  /** Absolute path of the .md file. */
  path: string;
  /** The text it was compiled from. */
  source: string;
  /** The compiled lesson; `lesson.file` is the path as a terminal shows it (from the working folder). */
  lesson: Lesson;
  /** What the index and the navigation show of it. */
  entry: LessonEntry;
}

/** What differs between the pages of a dev server and of a build (renderPage's options less the site's own). */
export type PageMode = Omit<PageOptions, "siteTitle" | "themeScript">;

/** A folder of lessons as a site. */
export interface Site {
  /** The lessons folder, absolute. */
  readonly root: string;
  readonly title: string;
  /** Every lesson of the folder in reading order, each compiled again only if its text changed. */
  lessons(): LessonEntry[];
  /**
   * The lesson at `path` (absolute), compiled again only when its text changed (else the same object
   * as before). `source`, when given, is its text (a watcher that has read the file already).
   */
  compile(path: string, source?: string): CompiledLesson;
  /** The lesson at `path` as last compiled, without reading the file again; undefined if never. */
  cached(path: string): CompiledLesson | undefined;
  /** Forgets a lesson's compiled form (the file was added or removed). */
  forget(path: string): void;
  /** The page a URL path names (relative to the site's base), or null when it names none that exists. */
  route(pathname: string): PageRoute | null;
  /** The slug of `path` when it names a lesson of this site (directly in the folder, not a draft). */
  slugOf(path: string): string | undefined;
  /** The absolute path of the lesson `slug`; throws when `slug` could name a file outside the folder (matchPage's rule). */
  pathOf(slug: string): string;
  /** The lesson's path from the lessons folder, with `/` (`a.md`): how its page module names it. */
  fileOf(path: string): string;
  /**
   * The HTML of a page, or undefined when it names no lesson of the site. `body`, for a lesson,
   * replaces its compiled HTML (the build's prerendered body, src/vite/prerenderSite.ts).
   */
  renderPage(route: PageRoute, mode: PageMode, body?: string): string | undefined;
  /** Calls `listener` each time a lesson is compiled from a new text: once per change. Returns an unsubscribe function. */
  onCompile(listener: (compiled: CompiledLesson) => void): () => void;
}

/** The site of the lessons in `options.root`. */
export function createSite(options: SiteOptions): Site {
  const root = resolve(options.root);
  const title = options.title ?? "Live Lessons";
  const compiled = new Map<string, CompiledLesson>();
  const listeners = new Set<(compiled: CompiledLesson) => void>();
  const toPosix = (path: string) => path.split(sep).join("/");

  const site: Site = {
    root,
    title,
    lessons: () => sortLessons(findLessonFiles(root).map((path) => site.compile(path).entry)),
    compile(path, source = readLesson(path)) {
      const cached = compiled.get(path);
      if (cached && cached.source === source) return cached;
      const lesson = compileSafely(source, toPosix(relative(process.cwd(), path) || path));
      const result = { path, source, lesson, entry: describeLesson(path, source, lesson) };
      compiled.set(path, result);
      for (const listener of listeners) listener(result);
      return result;
    },
    cached: (path) => compiled.get(path),
    forget: (path) => void compiled.delete(path),
    route(pathname) {
      const route = matchPage(pathname);
      return route?.kind === "lesson" && !existsSync(site.pathOf(route.slug)) ? null : route;
    },
    slugOf: (path) => (dirname(resolve(path)) === root && isLessonFile(basename(path)) ? slugOfFile(path) : undefined),
    pathOf(slug) {
      // Callers check slugs from URLs first (matchPage, virtualIds); this is the last line of defence.
      if (!isLessonSlug(slug)) throw new Error(`not a lesson slug: ${JSON.stringify(slug)}`);
      return join(root, `${slug}.md`);
    },
    fileOf: (path) => toPosix(relative(root, path)),
    renderPage(route, mode, body) {
      const page = { ...mode, siteTitle: title, themeScript: true };
      const list = site.lessons();
      if (route.kind === "index") return renderIndexPage(list, page);
      const index = list.findIndex((entry) => entry.slug === route.slug);
      if (index < 0) return undefined;
      const { lesson } = site.compile(list[index].path);
      return renderLessonPage(list[index], body ?? lesson.html, list[index - 1], list[index + 1], page);
    },
    onCompile(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  return site;
}

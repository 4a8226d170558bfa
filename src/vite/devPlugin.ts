// Dev only: the hooks of the dev server. Pages are served by a middleware, diagnostics are printed
// once per change with a timestamp, type errors across cells are checked in a worker, and a saved
// lesson updates its open pages cell by cell (a new title, order, next or prerequisites reloads
// them: that is page HTML). A saved course.yml is read again and reloads every page.
// The in-page type checker's TypeScript and declaration files are served here as modules (checkerFiles.ts).
import { resolve } from "node:path";
import type { Logger, Plugin, ViteDevServer } from "vite";
import type { CompiledLesson, Site } from "../site/createSite.ts";
import type { LessonEntry } from "../site/describeLesson.ts";
import { createCheckerModules } from "./checkerFiles.ts";
import { findConfigPath } from "../site/readCourseConfig.ts";
import { loadPageModule } from "./loadPageModule.ts";
import { logDiagnostics } from "./logDiagnostics.ts";
import { createTypeWarningReporter, type TypeWarningReporter } from "./reportTypeWarnings.ts";
import { servePages } from "./servePages.ts";
import { findPageSlug, pagePrefix } from "./virtualIds.ts";

/** The dev server's part of the lesson plugin. */
export function createDevPlugin(site: Site): Plugin {
  let typeWarnings: TypeWarningReporter | undefined;
  let logger: Logger;
  let stopLogging: (() => void) | undefined;
  /** The lesson each page module was last built from, or sent to open pages as a hot update. */
  const sent = new Map<string, CompiledLesson>();
  // The in-page type checker's TypeScript and declaration files, served on a reader's first edit.
  const checker = createCheckerModules(site);
  let base = "/";
  let devServer: ViteDevServer | undefined;
  return {
    name: "live-lesson:dev",
    apply: "serve",
    enforce: "pre",

    configResolved(config) {
      logger = config.logger;
      base = config.base;
      // A restarted server resolves its config again: one listener, not one per start.
      stopLogging?.();
      stopLogging = site.onCompile(({ lesson }) => logDiagnostics(logger, lesson.file, lesson.diagnostics, { timestamp: true }));
    },

    configureServer(server) {
      devServer = server;
      servePages(server, site);
      const configPath = findConfigPath(site.root);
      const logConfigProblems = () => {
        for (const problem of site.findConfigProblems()) logDiagnostics(logger, problem.file, [problem], { timestamp: true });
      };
      // course.yml sits beside the lessons folder, outside what Vite watches.
      server.watcher.add(configPath);
      const onConfigChange = (path: string) => {
        if (resolve(path) !== configPath) return;
        site.reloadConfig();
        logConfigProblems();
        server.ws.send({ type: "full-reload" });
      };
      for (const event of ["add", "change", "unlink"]) server.watcher.on(event, onConfigChange);
      server.httpServer?.once("listening", logConfigProblems);
      typeWarnings = createTypeWarningReporter(server, site);
      // Compile every lesson once the server is up, so authors see problems without opening pages.
      server.httpServer?.once("listening", () => setTimeout(() => site.lessons(), 0));
      // A lesson added or removed changes the index and the navigation of its neighbours.
      const onListChange = (path: string) => {
        if (!site.slugOf(path)) return;
        site.forget(path);
        server.ws.send({ type: "full-reload" });
      };
      server.watcher.on("add", onListChange);
      server.watcher.on("unlink", onListChange);
    },

    resolveId(source, importer) {
      return checker.resolveId(source, importer) ?? null;
    },

    async load(id) {
      const slug = findPageSlug(id);
      if (slug === undefined) return (await checker.load(id, base)) ?? null;
      const page = await loadPageModule(this, site, slug, { htmlFromPage: false });
      sent.set(page.compiled.path, page.compiled);
      logDiagnostics(logger, page.compiled.lesson.file, page.extra, { timestamp: true });
      typeWarnings?.check(page.compiled.path);
      // Served before its exercises' answers were computed: a hot update brings them when they are.
      void page.fingerprinted?.then(() => {
        const module = devServer?.moduleGraph.getModuleById(id);
        if (module) void devServer!.reloadModule(module);
      });
      return page.code;
    },

    async handleHotUpdate({ file, server, read }) {
      const path = resolve(file);
      const slug = site.slugOf(path);
      if (slug === undefined) return;
      // Compared with what the open pages were last sent, not with the last compile: something else
      // (the index, a type check) may have compiled the new text first, or a file caught mid-write.
      const before = sent.get(path) ?? site.cached(path);
      // Vite's read() waits out a file caught mid-write (read directly it can be empty).
      const after = site.compile(path, await read());
      // Editors and watchers often report one save twice: only a changed text is an update.
      if (after.source === before?.source) return [];
      sent.set(path, after);
      // The header, title and navigation are page HTML: when they change, reload the page.
      if (!before || !isSameHeader(before.entry, after.entry)) {
        server.ws.send({ type: "full-reload" });
        return [];
      }
      const module = server.moduleGraph.getModuleById(`\0${pagePrefix}${slug}`);
      if (!module) return [];
      server.moduleGraph.invalidateModule(module);
      return [module];
    },

    async closeBundle() {
      await typeWarnings?.close();
    },
  };
}

/** True when the page header and the navigation would not change between the two entries. */
function isSameHeader(before: LessonEntry, after: LessonEntry): boolean {
  return (
    before.title === after.title &&
    before.order === after.order &&
    before.chapter === after.chapter &&
    before.next === after.next &&
    before.prerequisites.join("\n") === after.prerequisites.join("\n")
  );
}

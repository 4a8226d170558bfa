// The Vite plugin: a thin adapter that turns a folder of lessons into pages (dev server, hot
// update, static build). All lesson logic lives in src/compile (Node) and src/runtime (browser).
//
// Pages are generated, never written to disk:
// - dev: a middleware answers `/`, `/index.html`, `/<slug>` and `/<slug>.html` with the page HTML;
// - build: each page is a virtual HTML entry `<root>/<slug>.html` that this plugin loads, so
//   Vite's HTML pipeline bundles it like a real file (hashed assets, relative URLs with base "./").
// Each page's script is a virtual module, `virtual:live-lesson/page/<slug>` (lessons) or
// `virtual:live-lesson/shell` (index), generated from the compiled lesson. In builds, a page whose
// cells read only some members of a library builtin (Plot, d3) loads them from
// `virtual:live-lesson/library/<name>/<slug>` instead of the whole library (findLibrarySubsets.ts).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { normalizePath, searchForWorkspaceRoot } from "vite";
import type { Plugin, ResolvedConfig, Rolldown, ViteDevServer } from "vite";
import type { Lesson } from "../compile/index.ts";
import { compileSafely } from "./compileSafely.ts";
import { nameChunkFile, nameD3Chunk } from "./nameChunkFile.ts";
import { describeLesson, findLessonFiles, isLessonFile, readLesson, slugOf, sortLessons } from "./findLessons.ts";
import type { LessonEntry } from "./findLessons.ts";
import { collectImports, renderLessonModule, renderShellModule } from "./renderModule.ts";
import { renderIndexPage, renderLessonPage } from "./renderPage.ts";
import type { SiteOptions } from "./renderPage.ts";
import { formatDiagnostic, type Diagnostic } from "../contract/diagnostic.ts";
import { logDiagnostics } from "./logDiagnostics.ts";
import { transpileCells } from "./transpileCells.ts";
import { findBrowserDependencies } from "./findBrowserDependencies.ts";
import { findLibraryChunks, findUsedLibraries } from "./findLibraryChunks.ts";
import { findLibrarySubset, renderReexportModule, renderTrimmedEntry, subsetLibraries } from "./findLibrarySubsets.ts";
import { createTypeWarningReporter, type TypeWarningReporter } from "./reportTypeWarnings.ts";

/** Options of {@link lessonPlugin}. */
export interface LessonPluginOptions {
  /** The folder of lessons (`<slug>.md`); it becomes Vite's root. */
  root: string;
  /** Public base path; defaults to "./" in builds so the site works from any sub-path. */
  base?: string;
  /** The site title in every page header. */
  title?: string;
  /** Called in builds with each lesson's diagnostics (unresolvable imports included). */
  onDiagnostics?(file: string, diagnostics: Diagnostic[]): void;
}

const pagePrefix = "virtual:live-lesson/page/";
const shellId = "virtual:live-lesson/shell";
const libraryPrefix = "virtual:live-lesson/library/";
const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const runtimeEntry = join(packageDir, "src/runtime/index.ts");
const mathEntry = join(packageDir, "src/math/index.ts");
const editorEntry = join(packageDir, "src/editor/index.ts");
// A real file of this package: bare imports that the lessons folder cannot resolve resolve from here.
const packageImporter = join(packageDir, "src/vite/plugin.ts");

interface Compiled {
  source: string;
  lesson: Lesson;
  entry: LessonEntry;
}

/** The browser source files of this package in `folders` (absolute paths). */
function findSourceFiles(folders: string[]): string[] {
  return folders.flatMap((folder) => {
    const dir = join(packageDir, folder);
    return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts")).map((name) => join(dir, name)) : [];
  });
}

/** The Vite plugin that serves and builds a folder of Markdown lessons. */
export function lessonPlugin(options: LessonPluginOptions): Plugin {
  const lessonsDir = resolve(options.root);
  const siteTitle = options.title ?? "Live Lessons";
  const compiled = new Map<string, Compiled>();
  const buildErrors: string[] = [];
  let config: ResolvedConfig;
  let isBuild = false;
  // Build only: the export names of each subset library's package, read once.
  const exportNames = new Map<string, Promise<Set<string>>>();
  // Dev only: type errors across cells, checked in a worker after each compile.
  let typeWarnings: TypeWarningReporter | undefined;

  const displayPath = (path: string) => normalizePath(relative(process.cwd(), path) || path);
  const lessonPath = (slug: string) => join(lessonsDir, `${slug}.md`);
  const styles = () =>
    [join(packageDir, "src/runtime/theme.css"), join(packageDir, "src/vite/site.css")].filter(existsSync).map(normalizePath);

  /** Compiles a lesson when its text changed; prints its diagnostics each time it does. */
  function compile(path: string): Compiled {
    const source = readLesson(path);
    const cached = compiled.get(path);
    if (cached && cached.source === source) return cached;
    const lesson = compileSafely(source, displayPath(path));
    const result = { source, lesson, entry: describeLesson(path, source, lesson) };
    compiled.set(path, result);
    if (isBuild) config.logger.info(`compiling ${displayPath(path)}`);
    logDiagnostics(config.logger, displayPath(path), lesson.diagnostics, { timestamp: !isBuild });
    return result;
  }

  function entries(): LessonEntry[] {
    return sortLessons(findLessonFiles(lessonsDir).map((path) => compile(path).entry));
  }

  function renderPage(slug: string | undefined, site: SiteOptions): string | undefined {
    const list = entries();
    if (slug === undefined) return renderIndexPage(list, site);
    const index = list.findIndex((entry) => entry.slug === slug);
    if (index < 0) return undefined;
    const { lesson } = compile(list[index].path);
    return renderLessonPage(list[index], lesson.html, list[index - 1], list[index + 1], site);
  }

  /** The slug of a page request (`/`, `/index.html` → undefined), or null when it is not a page. */
  function matchPage(pathname: string): string | undefined | null {
    const name = decodeURIComponent(pathname.replace(/^\/+/, ""));
    if (name === "" || name === "index.html" || name === "index") return undefined;
    const slug = name.replace(/\.html$/, "");
    if (slug.includes("/") || !isLessonFile(`${slug}.md`) || !existsSync(lessonPath(slug))) return null;
    return slug;
  }

  /**
   * Build only (dev serves whole, pre-bundled libraries): the library builtins the page loads as
   * a subset, with the virtual module of each and its members.
   */
  async function findSubsets(slug: string): Promise<Record<string, { id: string; members: string[] }>> {
    if (!isBuild) return {};
    const { lesson } = compile(lessonPath(slug));
    const subsets: Record<string, { id: string; members: string[] }> = {};
    for (const [name, { package: packageName }] of Object.entries(subsetLibraries)) {
      if (!exportNames.has(packageName)) exportNames.set(packageName, import(packageName).then((m: object) => new Set(Object.keys(m))));
      const members = findLibrarySubset(lesson, name, await exportNames.get(packageName)!);
      if (members) subsets[name] = { id: `${libraryPrefix}${name}/${slug}`, members };
    }
    return subsets;
  }

  /** Plugin context methods the page module needs (load hook's `this`). */
  type Context = Pick<Rolldown.PluginContext, "addWatchFile" | "resolve">;

  /** Resolves an import written in a lesson: from the lesson's folder, then from this package. */
  async function resolveFromLesson(ctx: Context, source: string, lessonFile: string) {
    const local = await ctx.resolve(source, lessonFile, { skipSelf: true });
    if (local || source.startsWith(".") || source.startsWith("/")) return local;
    return ctx.resolve(source, packageImporter, { skipSelf: true });
  }

  async function loadPageModule(ctx: Context, slug: string): Promise<string> {
    const path = lessonPath(slug);
    ctx.addWatchFile(path);
    const { lesson } = compile(path);
    const unresolved = new Map<string, string>();
    const diagnostics: Diagnostic[] = [];
    for (const specifier of collectImports(lesson)) {
      if (await resolveFromLesson(ctx, specifier, path)) continue;
      const message = `Cannot find module "${specifier}" (is it installed?)`;
      const cell = lesson.cells.find((c) => c.imports.includes(specifier));
      const diagnostic: Diagnostic = { severity: "error", code: "unresolved-import", message, line: cell?.line ?? 1, column: cell?.column ?? 1 };
      if (cell) diagnostic.cell = cell.id;
      unresolved.set(specifier, message);
      diagnostics.push(diagnostic);
      logDiagnostics(config.logger, displayPath(path), [diagnostic], { timestamp: !isBuild });
    }
    if (isBuild) {
      options.onDiagnostics?.(displayPath(path), [...lesson.diagnostics, ...diagnostics]);
      for (const d of [...lesson.diagnostics, ...diagnostics]) {
        if (d.severity === "error") buildErrors.push(formatDiagnostic(displayPath(path), d, { severity: false }));
      }
    }
    typeWarnings?.check(path);
    return renderLessonModule(lesson, {
      file: normalizePath(relative(lessonsDir, path)),
      transpiled: transpileCells(lesson),
      unresolved,
      diagnostics,
      styles: styles(),
      htmlFromPage: isBuild,
      editor: existsSync(editorEntry) ? normalizePath(editorEntry) : undefined,
      typeWarnings: !isBuild,
      libraries: await findSubsets(slug),
    });
  }

  return {
    name: "live-lesson",
    enforce: "pre",

    config(user, env) {
      return {
        // The lessons folder is the site: its pages, and the assets lessons link to, live there.
        root: lessonsDir,
        ...(user.base === undefined ? { base: options.base ?? (env.command === "build" ? "./" : "/") } : {}),
        appType: "mpa",
        resolve: {
          alias: [
            { find: /^live-lesson\/runtime$/, replacement: runtimeEntry },
            { find: /^live-lesson\/math$/, replacement: mathEntry },
            { find: /^live-lesson\/editor$/, replacement: editorEntry },
          ],
        },
        server: {
          fs: { allow: [searchForWorkspaceRoot(lessonsDir), packageDir] },
          // Transformed at startup, so the first page view and the first in-page edit are quick.
          warmup: { clientFiles: findSourceFiles(["src/runtime", "src/editor"]) },
        },
        // Pre-bundled up front: a dependency discovered while a page loads would reload the page.
        optimizeDeps: { include: findBrowserDependencies(lessonsDir, [runtimeEntry, editorEntry, mathEntry]) },
        // Only the build has page entries: the dev dependency scan would trip over virtual pages.
        build: env.command !== "build" ? {} : {
          // CodeMirror (~500 kB) is one chunk, loaded only when a reader opens an editor.
          chunkSizeWarningLimit: 1024,
          rolldownOptions: {
            output: {
              chunkFileNames: nameChunkFile,
              // One chunk per d3 package: Plot's chunk then loads only the d3 packages it uses,
              // not all of d3 (the lazy `d3` builtin needs the whole namespace in one place).
              codeSplitting: { groups: [{ name: nameD3Chunk, test: /[\\/]node_modules[\\/]d3-[^\\/]+[\\/]/ }] },
            },
            input: Object.fromEntries([
              ["index", join(lessonsDir, "index.html")],
              ...findLessonFiles(lessonsDir).map((path) => [slugOf(path), join(lessonsDir, `${slugOf(path)}.html`)]),
            ]),
          },
        },
      };
    },

    configResolved(resolved) {
      config = resolved;
      isBuild = resolved.command === "build";
    },

    buildStart() {
      buildErrors.length = 0;
    },

    async resolveId(source, importer) {
      if (source === shellId || source.startsWith(pagePrefix) || source.startsWith(libraryPrefix)) return `\0${source}`;
      if (isBuild && source.endsWith(".html") && resolve(config.root, source) === source) {
        const slug = matchPage(relative(lessonsDir, source));
        if (slug !== null) return source;
      }
      // A page module is virtual: its imports resolve as if written in the lesson's .md file.
      if (importer?.startsWith(`\0${pagePrefix}`)) return resolveFromLesson(this, source, lessonPath(importer.slice(pagePrefix.length + 1)));
      // A subset module imports the library this package's runtime would load.
      if (importer?.startsWith(`\0${libraryPrefix}`)) return this.resolve(source, packageImporter, { skipSelf: true });
      if (importer === `\0${shellId}`) return resolveFromLesson(this, source, join(lessonsDir, "index.md"));
      return null;
    },

    async load(id) {
      if (id === `\0${shellId}`) return renderShellModule(styles());
      if (id.startsWith(`\0${libraryPrefix}`)) {
        const [name, slug] = id.slice(libraryPrefix.length + 1).split("/");
        const subset = (await findSubsets(slug))[name];
        if (!subset) return null;
        const library = subsetLibraries[name];
        if (!library.trimEntry) return renderReexportModule(library.package, subset.members);
        const entry = await this.resolve(library.package, packageImporter, { skipSelf: true });
        if (!entry || entry.external) return null;
        return renderTrimmedEntry(entry.id, readFileSync(entry.id, "utf8"), subset.members);
      }
      if (id.startsWith(`\0${pagePrefix}`)) {
        return loadPageModule(this, id.slice(pagePrefix.length + 1));
      }
      if (isBuild && id.endsWith(".html") && dirname(id) === lessonsDir) {
        const slug = matchPage(relative(lessonsDir, id));
        if (slug === null) return null;
        if (slug) this.addWatchFile(lessonPath(slug));
        return renderPage(slug, { siteTitle, csp: true, themeScript: true, scriptSrc: slug === undefined ? shellId : pagePrefix + slug });
      }
      return null;
    },

    // Built lesson pages fetch the chunks of the libraries their cells use while the page starts.
    transformIndexHtml: {
      order: "post",
      async handler(_html, ctx) {
        if (!ctx.bundle || !ctx.filename || dirname(ctx.filename) !== lessonsDir) return;
        const slug = matchPage(relative(lessonsDir, ctx.filename));
        if (!slug) return;
        // A library the page loads as a subset preloads the subset's chunks, not the whole library's.
        const subsets = await findSubsets(slug);
        const subsetOf = new Map(Object.entries(subsets).map(([name, { id }]) => [subsetLibraries[name].package, `\0${id}`]));
        const libraries = findUsedLibraries(compile(lessonPath(slug)).lesson).map((name) => subsetOf.get(name) ?? name);
        const files = findLibraryChunks(ctx.bundle, libraries);
        return files.map((file) => ({ tag: "link", attrs: { rel: "modulepreload", crossorigin: true, href: `${config.base}${file}` }, injectTo: "head" as const }));
      },
    },

    async closeBundle() {
      await typeWarnings?.close();
    },

    buildEnd(error) {
      if (!error && buildErrors.length) {
        this.error(`lesson errors:\n${buildErrors.join("\n")}`);
      }
    },

    configureServer(server) {
      servePages(server);
      typeWarnings = createTypeWarningReporter(server, {
        compile,
        displayPath,
        pageFile: (path) => normalizePath(relative(lessonsDir, path)),
        pathOf: (file) => {
          const path = resolve(lessonsDir, file);
          return dirname(path) === lessonsDir && isLessonFile(file) && existsSync(path) ? path : undefined;
        },
      });
      // Compile every lesson once the server is up, so authors see problems without opening pages.
      server.httpServer?.once("listening", () => setTimeout(entries, 0));
      // A lesson added or removed changes the index and the navigation of its neighbours.
      const onListChange = (path: string) => {
        if (dirname(path) !== lessonsDir || !isLessonFile(path.slice(dirname(path).length + 1))) return;
        compiled.delete(path);
        server.ws.send({ type: "full-reload" });
      };
      server.watcher.on("add", onListChange);
      server.watcher.on("unlink", onListChange);
    },

    handleHotUpdate({ file, server }) {
      const path = resolve(file);
      if (dirname(path) !== lessonsDir || !isLessonFile(path.slice(lessonsDir.length + 1))) return;
      const previous = compiled.get(path);
      // Editors and watchers often report one save twice: only a changed text is an update.
      if (previous && previous.source === readLesson(path)) return [];
      const before = previous?.entry;
      const after = compile(path).entry;
      // The header, title and navigation are page HTML: when they change, reload the page.
      if (!before || before.title !== after.title || before.order !== after.order || before.chapter !== after.chapter) {
        server.ws.send({ type: "full-reload" });
        return [];
      }
      const module = server.moduleGraph.getModuleById(`\0${pagePrefix}${slugOf(path)}`);
      if (!module) return [];
      server.moduleGraph.invalidateModule(module);
      return [module];
    },
  };

  function servePages(server: ViteDevServer) {
    server.middlewares.use(async (req, res, next) => {
      if (req.method !== "GET" && req.method !== "HEAD") return next();
      const base = server.config.base;
      const pathname = (req.url ?? "/").split(/[?#]/)[0];
      if (!pathname.startsWith(base) && `${pathname}/` !== base) return next();
      const slug = matchPage(pathname.slice(base.length));
      if (slug === null) return next();
      try {
        const scriptSrc = `${base}@id/${slug === undefined ? shellId : pagePrefix + slug}`;
        const html = renderPage(slug, { siteTitle, csp: false, scriptSrc, themeScript: true });
        if (html === undefined) return next();
        const transformed = await server.transformIndexHtml(req.url ?? "/", html, req.originalUrl);
        res.statusCode = 200;
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.setHeader("Cache-Control", "no-cache");
        res.end(transformed);
      } catch (error) {
        next(error);
      }
    });
  }
}

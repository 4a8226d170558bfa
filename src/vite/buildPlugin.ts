// Build only: the hooks of the static build. Each page is a virtual HTML entry `<root>/<slug>.html`
// that this plugin loads, so Vite's HTML pipeline bundles it like a real file (hashed assets,
// relative URLs with base "./"). A page whose cells read only some members of Plot or d3 loads
// them from a subset module; its page preloads the chunks of the libraries its cells use.
import { dirname, join, relative, resolve } from "node:path";
import type { Logger, Plugin } from "vite";
import type { Diagnostic } from "../contract/diagnostic.ts";
import type { Site } from "../site/createSite.ts";
import { findLessonFiles, slugOf } from "../site/findLessons.ts";
import { createCheckerModules } from "./checkerFiles.ts";
import { createLibrarySubsets } from "./createLibrarySubsets.ts";
import { findLibraryChunks, findUsedLibraries } from "./findLibraryChunks.ts";
import { subsetLibraries } from "./findLibrarySubsets.ts";
import { loadPageModule } from "./loadPageModule.ts";
import { logDiagnostics } from "./logDiagnostics.ts";
import { nameChunkFile, nameD3Chunk } from "./nameChunkFile.ts";
import { prerenderSite } from "./prerenderSite.ts";
import { createBuildErrors } from "./reportBuildErrors.ts";
import { findLibraryOf, findPageSlug, pagePrefix, problemPrefix, shellId } from "./virtualIds.ts";

/** Options of {@link createBuildPlugin}. */
export interface BuildPluginOptions {
  /** Called with each lesson's diagnostics (unresolvable imports included), its file as the terminal shows it. */
  onDiagnostics?(file: string, diagnostics: Diagnostic[]): void;
  /**
   * Run each lesson once at build time and write its cells' first outputs into its page (default
   * true; src/vite/prerenderSite.ts). Off, pages show their cells once JavaScript has run them.
   */
  prerender?: boolean;
}

/** The static build's part of the lesson plugin. */
export function createBuildPlugin(site: Site, options: BuildPluginOptions = {}): Plugin {
  const subsets = createLibrarySubsets(site);
  const errors = createBuildErrors();
  const checker = createCheckerModules(site);
  let logger: Logger;
  let base = "./";
  let stopLogging: (() => void) | undefined;
  let prerendered = new Map<string, string>();

  /** The page an absolute `.html` path of the lessons folder is, or null. */
  const routeOf = (path: string) => (dirname(path) === site.root ? site.route(relative(site.root, path)) : null);

  return {
    name: "live-lesson:build",
    apply: "build",
    enforce: "pre",

    config: () => ({
      // The in-page type checker's worker is bundled on its own, as an ES module that imports
      // TypeScript and the declaration files (assets beside it) only when a reader starts editing.
      worker: { format: "es", plugins: () => [checker.workerPlugin()] },
      build: {
        // CodeMirror (~500 kB) is one chunk, loaded only when a reader opens an editor.
        chunkSizeWarningLimit: 1024,
        rolldownOptions: {
          output: {
            chunkFileNames: nameChunkFile,
            // One chunk per d3 package: Plot's chunk then loads only the d3 packages it uses,
            // not all of d3 (the lazy `d3` builtin needs the whole namespace in one place).
            codeSplitting: { groups: [{ name: nameD3Chunk, debugName: "d3 packages", test: /[\\/]node_modules[\\/]d3-[^\\/]+[\\/]/ }] },
          },
          input: Object.fromEntries([
            ["index", join(site.root, "index.html")],
            ...findLessonFiles(site.root).map((path) => [slugOf(path), join(site.root, `${slugOf(path)}.html`)]),
          ]),
        },
      },
    }),

    configResolved(config) {
      logger = config.logger;
      base = config.base;
      // Errors fail the build (each once, positioned, when its page loads); warnings are printed here.
      stopLogging?.();
      stopLogging = site.onCompile(({ lesson }) => {
        logger.info(`compiling ${lesson.file}`);
        logDiagnostics(logger, lesson.file, lesson.diagnostics.filter((d) => d.severity === "warning"), { timestamp: false });
      });
    },

    // Before any page loads: each lesson runs in a worker of its own, one per core.
    async buildStart() {
      prerendered = options.prerender === false ? new Map() : await prerenderSite(site, logger);
    },

    resolveId(source) {
      return source.endsWith(".html") && resolve(site.root, source) === source && routeOf(source) ? source : null;
    },

    async load(id) {
      const slug = findPageSlug(id);
      if (slug !== undefined) {
        const page = await loadPageModule(this, site, slug, { htmlFromPage: true, libraries: await subsets.find(slug) });
        const { path, lesson } = page.compiled;
        const diagnostics = [...lesson.diagnostics, ...page.unresolved];
        options.onDiagnostics?.(lesson.file, diagnostics);
        errors.report(this, path, lesson.file, diagnostics);
        return page.code;
      }
      if (id.startsWith(`\0${problemPrefix}`)) {
        errors.load(this, id);
        return null;
      }
      if (findLibraryOf(id)) return subsets.load(this, id);
      const route = id.endsWith(".html") ? routeOf(id) : null;
      if (!route) return null;
      if (route.kind === "lesson") this.addWatchFile(site.pathOf(route.slug));
      const body = route.kind === "lesson" ? prerendered.get(route.slug) : undefined;
      return site.renderPage(route, { csp: true, scriptSrc: route.kind === "index" ? shellId : pagePrefix + route.slug }, body) ?? null;
    },

    // Built lesson pages fetch the chunks of the libraries their cells use while the page starts.
    transformIndexHtml: {
      order: "post",
      async handler(_html, ctx) {
        if (!ctx.bundle || !ctx.filename) return;
        const route = routeOf(ctx.filename);
        if (route?.kind !== "lesson") return;
        // A library the page loads as a subset preloads the subset's chunks, not the whole library's.
        const found = await subsets.find(route.slug);
        const subsetOf = new Map(Object.entries(found).map(([name, { id }]) => [subsetLibraries[name].package, `\0${id}`]));
        const { lesson } = site.compile(site.pathOf(route.slug));
        const libraries = findUsedLibraries(lesson).map((name) => subsetOf.get(name) ?? name);
        return findLibraryChunks(ctx.bundle, libraries).map((file) => ({
          tag: "link",
          attrs: { rel: "modulepreload", crossorigin: true, href: `${base}${file}` },
          injectTo: "head" as const,
        }));
      },
    },
  };
}

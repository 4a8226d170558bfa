// Build only: the hooks of the static build. Each page is a virtual HTML entry `<root>/<slug>.html`
// that this plugin loads, so Vite's HTML pipeline bundles it like a real file (hashed assets,
// relative URLs with base "./"). A page whose cells read only some members of Plot or d3 loads
// them from a subset module; its page preloads the chunks of the libraries its cells use.
// The build is strict: it fails on every error `lesson check` reports but the headless run's (the
// compiler's, the site's, lint's, and type errors across cells, checked in a worker while Vite
// bundles), and on the course config's, each error once, at its place.
import { dirname, join, relative, resolve } from "node:path";
import type { Logger, Plugin } from "vite";
import { hasCachedAnswer } from "../check/cacheTypeAnswers.ts";
import { createTypeChecker, type TypeChecker } from "../check/createTypeChecker.ts";
import type { Diagnostic } from "../contract/diagnostic.ts";
import type { Site } from "../site/createSite.ts";
import { slugOf } from "../site/findLessons.ts";
import { createCheckerModules } from "./checkerFiles.ts";
import { createLibrarySubsets } from "./createLibrarySubsets.ts";
import { findLibraryChunks, findUsedLibraries } from "./findLibraryChunks.ts";
import { subsetLibraries } from "./findLibrarySubsets.ts";
import { findSubsetModule, loadSubsetModule, resolveInSubset, shareIdCounters, sharedIdsId, sharedIdsModule } from "./isolateSubsets.ts";
import { loadPageModule } from "./loadPageModule.ts";
import { logDiagnostics } from "./logDiagnostics.ts";
import { nameChunkFile, nameD3Chunk } from "./nameChunkFile.ts";
import { createStyleMinifier } from "./minifyOutputStyles.ts";
import { bodyMark, isInertBody } from "./setBodyAside.ts";
import { prerenderSite, type FillPage } from "./prerenderSite.ts";
import { createBuildErrors } from "./reportBuildErrors.ts";
import { packageImporter } from "./packageFiles.ts";
import { findLibraryOf, findPageSlug, findStubOf, pagePrefix, problemPrefix, shellId } from "./virtualIds.ts";

/** Options of {@link createBuildPlugin}. */
export interface BuildPluginOptions {
  /** Called with each lesson's diagnostics (unresolvable imports included), its file as the terminal shows it. */
  onDiagnostics?(file: string, diagnostics: Diagnostic[]): void;
  /**
   * Run each lesson once at build time and write its cells' first outputs into its page (default
   * true; src/vite/prerenderSite.ts). Off, pages show their cells once JavaScript has run them.
   */
  prerender?: boolean;
  /** Type-check each lesson's cells, and fail the build on type errors (default true; `lesson build --no-typecheck` turns it off). */
  typecheck?: boolean;
}

/** The static build's part of the lesson plugin. */
export function createBuildPlugin(site: Site, options: BuildPluginOptions = {}): Plugin {
  const subsets = createLibrarySubsets(site);
  const errors = createBuildErrors();
  const checkerModules = createCheckerModules(site);
  let logger: Logger;
  let base = "./";
  let stopLogging: (() => void) | undefined;
  /** The prerendered outputs of each lesson, by slug, as they will be: the build bundles while the lessons run. */
  let prerendered: Promise<Map<string, FillPage>> = Promise.resolve(new Map());
  let stopPrerender: AbortController | undefined;
  let minifyStyles: (html: string) => string = (html) => html;
  let checker: TypeChecker | undefined;
  /** Each lesson's type errors, checked in a worker from the build's start. */
  const typeErrors = new Map<string, Promise<Diagnostic[]>>();
  /** Each lesson's lint (lesson check's), from the same worker when there is one. */
  const lints = new Map<string, Promise<Diagnostic[]>>();

  /** The page an absolute `.html` path of the lessons folder is, or null. */
  const routeOf = (path: string) => (dirname(path) === site.root ? site.route(relative(site.root, path)) : null);

  return {
    name: "live-lesson:build",
    apply: "build",
    enforce: "pre",

    config: () => {
      // The type checker's worker starts before Vite does: loading TypeScript and parsing the
      // declarations takes it seconds, on the core the main thread leaves idle while it loads Vite,
      // resolves the config and compiles the lessons. Not when the folder's answers are kept from an
      // earlier build (the checker may need no worker at all then).
      if (options.typecheck !== false) {
        checker = createTypeChecker({ cache: true });
        if (!hasCachedAnswer(site.root)) checker.warm(join(site.root, "index.md"));
      }
      return {
      // The in-page type checker's worker is bundled on its own, as an ES module that imports
      // TypeScript and the declaration files (assets beside it) only when a reader starts editing.
      worker: { format: "es", plugins: () => [checkerModules.workerPlugin()] },
      build: {
        // CodeMirror (~500 kB) is one chunk, loaded only when a reader opens an editor.
        chunkSizeWarningLimit: 1024,
        // A font is fetched only when the page draws with it; as a data URL (Vite inlines files
        // under 4 KiB) it is in the CSS of every page naming it: KaTeX_Size3's woff2 was 3.8 KB
        // gzip of the worked example's CSS, whose math never uses it. Other files keep Vite's rule.
        assetsInlineLimit: (file: string) => (/\.(woff2?|ttf|otf|eot)$/i.test(file) ? false : undefined),
        rolldownOptions: {
          output: {
            chunkFileNames: nameChunkFile,
            // One chunk per d3 package: Plot's chunk then loads only the d3 packages it uses,
            // not all of d3 (the lazy `d3` builtin needs the whole namespace in one place). Each
            // chunk holds its own package only: with its dependencies pulled in (the default), the
            // chunk of d3-brush, which Plot never calls, held d3-selection, d3-transition and
            // d3-interpolate, which it does, so every chart page loaded d3-brush (and d3-chord
            // for d3-path).
            // A page's own copies of d3 modules (isolateSubsets.ts) stay with its subsets.
            codeSplitting: { groups: [{ name: nameD3Chunk, debugName: "d3 packages", test: (id) => nameD3Chunk(id) !== null && !findSubsetModule(id), includeDependenciesRecursively: false }] },
          },
          input: Object.fromEntries([
            ["index", join(site.root, "index.html")],
            ...site.paths().map((path) => [slugOf(path), join(site.root, `${slugOf(path)}.html`)]),
          ]),
        },
      },
    };
    },

    configResolved(config) {
      logger = config.logger;
      base = config.base;
      minifyStyles = createStyleMinifier(config);
      // Errors fail the build and warnings are printed, each once, when the lesson's page loads.
      stopLogging?.();
      stopLogging = site.onCompile(({ lesson }) => logger.info(`compiling ${lesson.file}`));
    },

    // Before any page loads: the type check starts in its worker, then each lesson runs once in a
    // worker of its own, one per core, to prerender its page, while Vite bundles: the outputs are
    // written into the pages Vite has made (transformIndexHtml), so bundling does not wait for the
    // runs (the 1,000-cell lesson's run was most of its build, and the main thread sat idle).
    async buildStart() {
      const config = site.config;
      if (config.path && config.file) errors.report(this, config.path, config.file, site.findConfigProblems());
      if (checker) {
        const failed = (what: string) => (error: Error): Diagnostic[] => [{ severity: "error", code: what, message: `the ${what === "type" ? "type check" : "lint"} failed: ${error.message}`, line: 0, column: 0 }];
        for (const path of site.paths()) {
          const { lesson, source } = site.compile(path);
          lints.set(path, checker.lint(lesson, source, { file: path }).catch(failed("lint")));
          if (site.isGenerated(path)) continue;
          typeErrors.set(path, checker.check(lesson, { file: path }).catch(failed("type")));
        }
      }
      if (options.prerender !== false) {
        stopPrerender = new AbortController();
        prerendered = prerenderSite(site, logger, stopPrerender.signal);
        // Awaited by each lesson's page; a build that fails before then must not hear it as unhandled.
        prerendered.catch(() => {});
      }
    },

    async buildEnd(error) {
      // A failed build writes no page: the runs still going would only keep the process alive.
      if (error) stopPrerender?.abort();
      await checker?.close();
      checker = undefined;
      typeErrors.clear();
      lints.clear();
    },

    resolveId(source, importer) {
      // Not copied: every copy of a library counts its element ids with this one module.
      if (source === sharedIdsId) return `\0${sharedIdsId}`;
      if (source.endsWith(".html")) return resolve(site.root, source) === source && routeOf(source) ? source : null;
      // A subset module imports the library this package's runtime would load, as its page's own
      // copies (isolateSubsets.ts), and so do the modules it reaches.
      const library = findLibraryOf(importer);
      const copied = library ? { path: packageImporter, slug: library.slug } : findSubsetModule(importer);
      return copied ? resolveInSubset(this, source, copied.path, copied.slug, subsets.leftOut(copied.slug)) : null;
    },

    async load(id) {
      if (id === `\0${sharedIdsId}`) return sharedIdsModule;
      if (findSubsetModule(id)) return loadSubsetModule(id);
      if (findStubOf(id)) return subsets.loadStub(id);
      const slug = findPageSlug(id);
      if (slug !== undefined) {
        const page = await loadPageModule(this, site, slug, { htmlFromPage: true, libraries: await subsets.find(slug) });
        const { path, lesson } = page.compiled;
        const { unresolved, exercises } = page;
        // An import that does not resolve is also a type error ("Cannot find module"): report it once, as the bundler sees it.
        const types = ((await typeErrors.get(path)) ?? []).filter((d) => !unresolved.some((u) => u.line <= d.line && d.line <= u.line + lineCount(lesson, u.cell)));
        // lesson check's problems but the types' and the run's (checkLesson.ts findLessonProblems).
        const lint = (await lints.get(path)) ?? (await import("../check/lintLesson.ts")).lintLesson(lesson, page.compiled.source);
        const problems = [...lesson.diagnostics, ...site.findSiteProblems(path), ...lint];
        const diagnostics = sortDiagnostics([...problems, ...unresolved, ...exercises, ...types]);
        options.onDiagnostics?.(lesson.file, diagnostics);
        logDiagnostics(logger, lesson.file, diagnostics.filter((d) => d.severity === "warning"), { timestamp: false });
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
      // The compiled body: the prerendered outputs are written into its placeholders once Vite has
      // made the page (transformIndexHtml), so the bundling does not wait for the runs. A body Vite's
      // HTML pass would not change is set aside until then (setBodyAside.ts).
      const body = route.kind === "lesson" ? site.compile(site.pathOf(route.slug)).lesson.html : undefined;
      return site.renderPage(route, { csp: true, scriptSrc: route.kind === "index" ? shellId : pagePrefix + route.slug }, body !== undefined && isInertBody(body) ? bodyMark : undefined) ?? null;
    },

    // A page may run two copies of a library (its subset, and the whole one): their element ids
    // must not collide (isolateSubsets.ts).
    transform(code, id) {
      const shared = shareIdCounters(code, id);
      return shared === null ? null : { code: shared, map: null };
    },

    // Built lesson pages get their prerendered outputs, and fetch the chunks of the libraries their
    // cells use while the page starts.
    transformIndexHtml: {
      order: "post",
      async handler(page, ctx) {
        if (!ctx.bundle || !ctx.filename) return;
        const route = routeOf(ctx.filename);
        if (route?.kind !== "lesson") return;
        // A library the page loads as a subset preloads the subset's chunks, not the whole library's.
        const found = await subsets.find(route.slug);
        const subsetOf = new Map(Object.entries(found).map(([name, { id }]) => [subsetLibraries[name].package, `\0${id}`]));
        const { lesson } = site.compile(site.pathOf(route.slug));
        const used = findUsedLibraries(lesson);
        const libraries = used.map((name) => subsetOf.get(name) ?? name);
        const bundle = ctx.bundle;
        const chunks = findLibraryChunks(bundle, libraries);
        // The libraries' own stylesheets (Inputs') are linked too: the prerendered forms in the
        // page need them at the first paint, or they change size when the chunk brings them (a
        // layout shift). Vite's preload helper then sees the link and does not load them again.
        // A CSS file imported on its own (the runtime imports Inputs' CSS) is an asset of the
        // bundle named after its source file.
        const styles = Object.values(bundle)
          .filter((file) => file.type === "asset" && file.fileName.endsWith(".css"))
          .filter((file) => ((file as { originalFileNames?: string[] }).originalFileNames ?? []).some((name) => used.some((library) => name.replaceAll("\\", "/").includes(`node_modules/${library}/`))))
          .map((file) => file.fileName);
        // Written in after Vite's HTML pass, which minified the charts' <style> elements when the
        // outputs were in the page it parsed: the same minifier keeps the pages' bytes.
        const fill = (await prerendered).get(route.slug);
        const html = page.replace(bodyMark, () => lesson.html);
        const tags = [
          ...[...new Set(styles)].map((file) => ({ tag: "link", attrs: { rel: "stylesheet", crossorigin: true, href: `${base}${file}` }, injectTo: "head" as const })),
          ...chunks.map((file) => ({ tag: "link", attrs: { rel: "modulepreload", crossorigin: true, href: `${base}${file}` }, injectTo: "head" as const })),
        ];
        return { html: fill ? fill(html, minifyStyles) : html, tags };
      },
    },
  };
}

/** The number of lines of the cell `id` (its source), 0 when unknown. */
function lineCount(lesson: { cells: readonly { id: string; source: string }[] }, id: string | undefined): number {
  const cell = lesson.cells.find((c) => c.id === id);
  return cell ? cell.source.split("\n").length : 0;
}

/** In file order, each problem once (the site's problems reach the page module and the checks both). */
function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics
    .filter((d) => {
      const key = `${d.line}:${d.column}:${d.severity}:${d.message}`;
      return !seen.has(key) && (seen.add(key), true);
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

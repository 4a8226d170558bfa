// What the page's type checker (a Web Worker, src/editor/typecheck/) loads besides its own small
// bundle: TypeScript, and the declaration files `lesson check` reads (collectCheckerFiles). Both
// are separate same-origin files that the worker imports when it starts, so a reader who never
// edits never loads them, and the build never bundles them:
//
// - `virtual:live-lesson/checker-assets` exports their two URLs. The build writes TypeScript's
//   own script (lib/typescript.js, which defines `ts`) with an ES export added, minified once per
//   TypeScript version and kept in node_modules/.cache, and the files as a module, both under
//   assets/ with a content hash; the dev server serves them (TypeScript minified too, from the same
//   cache) as the virtual modules below.
// - `typescript`, imported by src/typecheck/ in the worker, is a stand-in that the worker points at
//   the real one once loaded (`provideTypeScript`). Vite's dependency optimizer never sees
//   TypeScript, so the dev server does not pre-bundle 9 MB at start, and an edit never makes it
//   optimize a new dependency and reload the page.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Plugin } from "vite";
import { collectCheckerFilesOffThread } from "../check/collectCheckerFilesOffThread.ts";
import { codeRoot, packageRoot } from "../check/packageRoot.ts";
import type { Site } from "../site/createSite.ts";
import { collectImports } from "../site/renderLessonModule.ts";

const assetsId = "virtual:live-lesson/checker-assets";
const shimId = "virtual:live-lesson/typescript-shim";
const typescriptId = "virtual:live-lesson/typescript";
const filesId = "virtual:live-lesson/checker-files";

/** The checker's modules: served by the dev server, bundled with the worker by the build. */
export interface CheckerModules {
  /** Dev: the checker's module ids, and `typescript` in this package's code (the stand-in). */
  resolveId(source: string, importer: string | undefined): string | undefined;
  /** Dev: a checker module; the assets are served as modules under `base`. */
  load(id: string, base: string): Promise<string | undefined>;
  /** Build: the plugin for `worker.plugins` (the build bundles the worker apart from the pages), which writes TypeScript and the files as assets. */
  workerPlugin(): Plugin;
}

const require = createRequire(import.meta.url);
/** This package's code (src/ or, installed, lib/): only its imports of `typescript` get the stand-in. */
const sourceDir = codeRoot;

/** The checker's modules for the lessons of `site` (their imports are read at each load). */
export function createCheckerModules(site: Site): CheckerModules {
  // Dev server and build alike collect them in a worker thread: seconds of TypeScript that must not
  // hold up serving pages (the reader's checker is what waits for them) or bundling them. With them
  // go the lessons' live cells, summarized so the page's checker need not analyse them.
  const filesOffThread = async () => {
    const lessons = site.lessons().map((entry) => site.compile(entry.path).lesson);
    const imports = [...new Set(lessons.flatMap((lesson) => collectImports(lesson)))];
    const cells = lessons.flatMap((lesson) => lesson.cells.filter((cell) => cell.options.run).map(({ lang, inline, source }) => ({ lang, inline, source })));
    return `export default ${JSON.stringify(await collectCheckerFilesOffThread(site.root, imports, cells))};\n`;
  };
  const resolveId = (source: string, importer: string | undefined) => {
    // Only this package's code gets the stand-in: a lesson importing TypeScript gets the real one.
    if (source === "typescript") return importer?.startsWith(sourceDir) ? `\0${shimId}` : undefined;
    return [assetsId, shimId, typescriptId, filesId].includes(source) ? `\0${source}` : undefined;
  };
  return {
    resolveId,
    async load(id, base) {
      if (id === `\0${assetsId}`) {
        const at = (name: string) => JSON.stringify(`${base}@id/__x00__${name}`);
        return `export const typescriptUrl = ${at(typescriptId)};\nexport const filesUrl = ${at(filesId)};\n`;
      }
      // Minified as in the build (and from the same cache): the dev server's import analysis and the
      // worker's parse then handle 3.5 MB instead of 9 MB on a reader's first edit.
      if (id === `\0${typescriptId}`) return minifiedTypeScript();
      if (id === `\0${filesId}`) return filesOffThread();
      return id === `\0${shimId}` ? shimModule : undefined;
    },
    workerPlugin: () => ({
      name: "live-lesson:checker",
      enforce: "pre",
      resolveId,
      async load(id) {
        if (id === `\0${shimId}`) return shimModule;
        if (id !== `\0${assetsId}`) return undefined;
        // Beside the worker's chunk in assets/; the URL is made at run time from the worker's own,
        // so the site works from any base path (and Vite does not try to resolve it at build time).
        const emit = (name: string, source: string) => {
          const fileName = `${name}-${createHash("sha256").update(source).digest("base64url").slice(0, 8)}.js`;
          this.emitFile({ type: "asset", fileName: `assets/${fileName}`, source });
          return `new URL(${JSON.stringify(`./${fileName}`)}.slice(0), import.meta.url).href`;
        };
        return `export const typescriptUrl = ${emit("typescript", await minifiedTypeScript())};\nexport const filesUrl = ${emit("checker-files", await filesOffThread())};\n`;
      },
    }),
  };
}

const shimModule = "const ts = Object.create(null);\nexport default ts;\n/** Points the stand-in at TypeScript once its script has loaded. */\nexport function provideTypeScript(real) { Object.setPrototypeOf(ts, real); }\n";

/** TypeScript's script (it defines `ts`) as an ES module, without its source map comment. */
function readTypeScriptModule(): string {
  const script = readFileSync(require.resolve("typescript"), "utf8");
  return `${script.replace(/^\/\/# sourceMappingURL=.*$/m, "")}\nexport default ts;\n`;
}

/** The TypeScript module minified (by Vite's own minifier), kept per TypeScript version: minifying takes seconds. */
async function minifiedTypeScript(): Promise<string> {
  const version = (JSON.parse(readFileSync(join(dirname(require.resolve("typescript")), "../package.json"), "utf8")) as { version: string }).version;
  const cached = join(packageRoot, "node_modules/.cache/live-lesson", `typescript-${version}.min.js`);
  if (existsSync(cached)) return readFileSync(cached, "utf8");
  const source = readTypeScriptModule();
  const viteRequire = createRequire(require.resolve("vite/package.json"));
  const { minify } = (await import(pathToFileURL(viteRequire.resolve("rolldown/utils")).href)) as { minify(name: string, code: string, options: object): Promise<{ code: string }> };
  const { code } = await minify("typescript.js", source, { compress: true, mangle: true });
  try {
    mkdirSync(dirname(cached), { recursive: true });
    writeFileSync(cached, code);
  } catch {
    // A read-only install minifies again next time.
  }
  return code;
}

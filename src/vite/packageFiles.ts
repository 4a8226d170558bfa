// The files of this package that the plugin serves or resolves from, wherever the package is installed:
// from the TypeScript sources in src/ (this repository, its tests) or compiled in lib/ (the installed package).
import { existsSync, readdirSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { normalizePath } from "vite";

/** The folder of this package's code: src/ when it runs from the sources, lib/ when compiled. */
export const codeDir = fileURLToPath(new URL("..", import.meta.url));

/** The extension of this package's modules where they run: `.ts` (sources) or `.js` (compiled). */
const moduleExtension = extname(fileURLToPath(import.meta.url));

/** The package's folder (holding package.json). */
export const packageDir = fileURLToPath(new URL("../..", import.meta.url));

/** The entries lessons and pages import by name: `live-lesson/runtime`, `/math`, `/editor`, `/learn`. */
export const entries = {
  runtime: join(codeDir, `runtime/index${moduleExtension}`),
  math: join(codeDir, `math/index${moduleExtension}`),
  editor: join(codeDir, `editor/index${moduleExtension}`),
  learn: join(codeDir, `learn/index${moduleExtension}`),
  exercises: join(codeDir, `learn/exercise/index${moduleExtension}`),
};

/** The page's type checker: a Web Worker the editor starts on a reader's first edit. */
export const checkerEntry = join(codeDir, `editor/typecheck/checkerWorker${moduleExtension}`);

/** A real file of this package: bare imports that the lessons folder cannot resolve resolve from here. */
export const packageImporter = join(codeDir, `vite/plugin${moduleExtension}`);

/** The stylesheets every page imports: the runtime's theme, then the site chrome, then the learning controls. */
export function findStyles(): string[] {
  return [join(codeDir, "runtime/theme.css"), join(codeDir, "site/site.css"), join(codeDir, "learn/learn.css")].filter(existsSync).map(normalizePath);
}

/** The browser modules of this package in `folders` (of the code folder: `runtime`, `editor`), for Vite to warm up. */
export function findSourceFiles(folders: string[]): string[] {
  return folders.flatMap((folder) => {
    const dir = join(codeDir, folder);
    return existsSync(dir)
      ? readdirSync(dir).filter((name) => name.endsWith(moduleExtension) && !name.endsWith(".d.ts")).map((name) => join(dir, name))
      : [];
  });
}

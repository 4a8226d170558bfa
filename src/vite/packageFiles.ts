// The files of this package that the plugin serves or resolves from, wherever the package is installed.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { normalizePath } from "vite";

/** The package's folder (holding package.json). */
export const packageDir = fileURLToPath(new URL("../..", import.meta.url));

/** The entries lessons and pages import by name: `live-lesson/runtime`, `/math`, `/editor`, `/learn`. */
export const entries = {
  runtime: join(packageDir, "src/runtime/index.ts"),
  math: join(packageDir, "src/math/index.ts"),
  editor: join(packageDir, "src/editor/index.ts"),
  learn: join(packageDir, "src/learn/index.ts"),
  exercises: join(packageDir, "src/learn/exercise/index.ts"),
};

/** The page's type checker: a Web Worker the editor starts on a reader's first edit. */
export const checkerEntry = join(packageDir, "src/editor/typecheck/checkerWorker.ts");

/** A real file of this package: bare imports that the lessons folder cannot resolve resolve from here. */
export const packageImporter = join(packageDir, "src/vite/plugin.ts");

/** The stylesheets every page imports: the runtime's theme, then the site chrome, then the learning controls. */
export function findStyles(): string[] {
  return [join(packageDir, "src/runtime/theme.css"), join(packageDir, "src/site/site.css"), join(packageDir, "src/learn/learn.css")].filter(existsSync).map(normalizePath);
}

/** The browser source files of this package in `folders` (absolute paths), for Vite to warm up. */
export function findSourceFiles(folders: string[]): string[] {
  return folders.flatMap((folder) => {
    const dir = join(packageDir, folder);
    return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts")).map((name) => join(dir, name)) : [];
  });
}

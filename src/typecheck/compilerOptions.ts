// The compiler options a lesson's cells are checked with, the same in `lesson check` (Node, real
// files) and in the page's checker (a Web Worker, files in memory): only the package's root differs.
import ts from "typescript";
import { builtinsModule } from "./emitLessonProgram.ts";

/**
 * What the cells are checked against: the browser, ES2023, strict mode, top-level await allowed.
 * `root` is where live-lesson is installed (no trailing slash): its builtins' declarations, its
 * math module and the packages it depends on resolve from there. `compiled` says its code is the
 * built lib/ (JavaScript beside .d.ts, as installed) rather than the TypeScript sources in src/.
 */
export function lessonCompilerOptions(root: string, compiled = false): ts.CompilerOptions {
  const code = codeFolderOf(root, compiled);
  const module = (name: string) => `${code}/${name}${compiled ? ".d.ts" : ".ts"}`;
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    allowImportingTsExtensions: true,
    resolveJsonModule: true,
    types: [],
    paths: {
      [builtinsModule]: [builtinsFileOf(root, compiled)],
      "live-lesson/math": [module("math/index")],
      "live-lesson/runtime": [module("runtime/index")],
      "@observablehq/inputs": [`${code}/types/inputs.d.ts`],
      // Lessons outside this package still import the packages it depends on.
      "*": [`${root}/node_modules/@types/*`, `${root}/node_modules/*`],
    },
  };
}

/** The declarations of the lesson builtins under the package root `root` (`compiled`: in lib/, not src/). */
export function builtinsFileOf(root: string, compiled = false): string {
  return `${codeFolderOf(root, compiled)}/types/lesson-globals.d.ts`;
}

/** The folder of the package's code under `root`: src/ (sources) or lib/ (built, as installed). */
function codeFolderOf(root: string, compiled: boolean): string {
  return `${root}/${compiled ? "lib" : "src"}`;
}

/**
 * TypeScript errors the compiler already reports in its own words (duplicate names) or that a
 * cell cannot cause.
 */
export const ignoredCodes: ReadonlySet<number> = new Set([2300, 2393, 2451]);

// The compiler options a lesson's cells are checked with, the same in `lesson check` (Node, real
// files) and in the page's checker (a Web Worker, files in memory): only the package's root differs.
import ts from "typescript";
import { builtinsModule } from "./emitLessonProgram.ts";

/**
 * What the cells are checked against: the browser, ES2023, strict mode, top-level await allowed.
 * `root` is where live-lesson is installed (no trailing slash): its builtins' declarations, its
 * math module and the packages it depends on resolve from there.
 */
export function lessonCompilerOptions(root: string): ts.CompilerOptions {
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
      [builtinsModule]: [builtinsFileOf(root)],
      "live-lesson/math": [`${root}/src/math/index.ts`],
      "live-lesson/runtime": [`${root}/src/runtime/index.ts`],
      "@observablehq/inputs": [`${root}/src/types/inputs.d.ts`],
      // Lessons outside this package still import the packages it depends on.
      "*": [`${root}/node_modules/@types/*`, `${root}/node_modules/*`],
    },
  };
}

/** The declarations of the lesson builtins under the package root `root`. */
export function builtinsFileOf(root: string): string {
  return `${root}/src/types/lesson-globals.d.ts`;
}

/**
 * TypeScript errors the compiler already reports in its own words (duplicate names) or that a
 * cell cannot cause.
 */
export const ignoredCodes: ReadonlySet<number> = new Set([2300, 2393, 2451]);

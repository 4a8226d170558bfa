// Where live-lesson itself is installed: the checker resolves its builtins and packages from here.
import { fileURLToPath } from "node:url";

/** Absolute path of the live-lesson package (the folder holding package.json), no trailing slash. */
export const packageRoot = fileURLToPath(new URL("../..", import.meta.url)).replace(/[\\/]$/, "");

/** Absolute path of the package's code, no trailing slash: src/ from the sources, lib/ when compiled. */
export const codeRoot = fileURLToPath(new URL("..", import.meta.url)).replace(/[\\/]$/, "");

/** Whether this is the built package (lib/, .js beside .d.ts) rather than the TypeScript sources. */
export const isCompiled = import.meta.url.endsWith(".js");

/** The declarations of one of the package's modules (`math/index`): the .ts source, or the .d.ts the build wrote beside the .js. */
export function declarationsOf(module: string): string {
  return `${codeRoot}/${module}${isCompiled ? ".d.ts" : ".ts"}`;
}

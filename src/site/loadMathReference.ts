// The text of the math reference page: generated from src/math with the TypeScript API when the
// package runs from its sources (this repository), read from lib/math/reference.md when it runs
// compiled (the package build wrote it from the same sources, with writeMathReference).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { renderMathReference } from "./renderMathReference.ts";

const isCompiled = import.meta.url.endsWith(".js");
const written = fileURLToPath(new URL("../math/reference.md", import.meta.url));
// describeMathExports loads TypeScript (~1.3 s of CPU): only where the page is not written yet. A
// build's main thread otherwise never loads it (the type checker's worker does).
const describeMathExports = isCompiled && existsSync(written) ? undefined : (await import("./describeMathExports.ts")).describeMathExports;
let text: string | undefined;

/** The reference page's Markdown (computed once per process). */
export function loadMathReference(): string {
  if (text !== undefined) return text;
  if (!describeMathExports) return (text = readFileSync(written, "utf8"));
  return (text = renderMathReference(describeMathExports(fileURLToPath(new URL("../math/index.ts", import.meta.url)))));
}

/** Writes the reference of the math module whose entry is `indexFile` to `outFile` (the package build). */
export async function writeMathReference(indexFile: string, outFile: string): Promise<void> {
  const describe = describeMathExports ?? (await import("./describeMathExports.ts")).describeMathExports;
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, renderMathReference(describe(indexFile)));
}

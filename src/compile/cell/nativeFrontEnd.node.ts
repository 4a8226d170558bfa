// The Node compiler's cell front end: oxc-parser, a native parser, reads cells where acorn would
// (readNativeCell.ts). package.json's "#cell-front-end" names this file under the "node" condition
// only, so the page's editor never bundles it. A platform oxc-parser has no binary for gets null,
// and the compiler reads every cell with acorn, as the page does: the same results, more slowly.

import { createNativeFrontEnd, type CellFrontEnd, type ParseSync } from "./readNativeCell.ts";

/** oxc-parser's native result: each field a getter that converts Rust data to JavaScript when read. */
interface NativeResult {
  readonly program: string;
  readonly errors: readonly unknown[];
}

/**
 * oxc-parser's `parseSync` reads every field of the native result (the module record and the
 * comments too) to free their Rust memory at once; this front end never uses those two, and
 * converting them was ~17 % of oxc's cost on a lesson's first compile (issue 15). So the binding's
 * result is read here (oxc-parser exports `./src-js/bindings`) with its own AST decoder, which puts
 * back RegExp and BigInt values. A field left unread is freed by the result's finalizer, after a GC:
 * a few small records per cell, held no longer than the compile's garbage.
 */
async function loadBinding(): Promise<{ parseSync: ParseSync }> {
  // Untyped modules of oxc-parser (it ships no .d.ts for them): their shapes are declared here.
  const binding = (await import("oxc-parser/src-js/bindings" as string)) as { parseSync: (...args: Parameters<ParseSync>) => NativeResult };
  const { jsonParseAst } = (await import("oxc-parser/src-js/wrap.js" as string)) as { jsonParseAst: (json: string) => unknown };
  // A later oxc-parser that moves either leaves the compiler on acorn (loadParseSync's null), not broken.
  if (typeof binding.parseSync !== "function" || typeof jsonParseAst !== "function") throw new Error("oxc-parser's binding has changed");
  return {
    parseSync: (filename, source, options) => {
      const result = binding.parseSync(filename, source, options);
      const errors = result.errors;
      let program: unknown;
      return {
        errors,
        get program() {
          return (program ??= jsonParseAst(result.program));
        },
      };
    },
  };
}

/** Loads a `parseSync` over oxc-parser's binding; null when it cannot be loaded. */
export async function loadParseSync(load: () => Promise<{ parseSync: unknown }> = loadBinding): Promise<ParseSync | null> {
  try {
    return (await load()).parseSync as ParseSync;
  } catch {
    return null;
  }
}

const parseSync = await loadParseSync();

/** The native cell front end, or null where oxc-parser cannot be loaded. */
export const nativeFrontEnd: CellFrontEnd | null = parseSync && createNativeFrontEnd(parseSync);

// The Node compiler's cell front end: oxc-parser, a native parser, reads cells where acorn would
// (readNativeCell.ts). package.json's "#cell-front-end" names this file under the "node" condition
// only, so the page's editor never bundles it. A platform oxc-parser has no binary for gets null,
// and the compiler reads every cell with acorn, as the page does: the same results, more slowly.

import { createNativeFrontEnd, type CellFrontEnd, type ParseSync } from "./readNativeCell.ts";

/** Loads oxc-parser's `parseSync`; null when it cannot be loaded. */
export async function loadParseSync(load: () => Promise<{ parseSync: unknown }> = () => import("oxc-parser")): Promise<ParseSync | null> {
  try {
    return (await load()).parseSync as ParseSync;
  } catch {
    return null;
  }
}

const parseSync = await loadParseSync();

/** The native cell front end, or null where oxc-parser cannot be loaded. */
export const nativeFrontEnd: CellFrontEnd | null = parseSync && createNativeFrontEnd(parseSync);

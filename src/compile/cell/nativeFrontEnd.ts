// The page's cell front end: none besides acorn. package.json's "#cell-front-end" names this file
// everywhere but in Node (the page's editor bundles it), and nativeFrontEnd.node.ts in Node.

import type { CellFrontEnd } from "./readNativeCell.ts";

/** A native cell front end, when the platform has one (never in the page). */
export const nativeFrontEnd: CellFrontEnd | null = null;

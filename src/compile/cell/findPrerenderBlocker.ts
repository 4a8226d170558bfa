// Why a cell's first output must not be written into a built page ahead of JavaScript: it shows
// the moment (the time), chance (unseeded randomness) or the reader (storage), so the page would
// show the build's moment, the build's dice or no reader at all.

import type { Cell } from "../types.ts";

// Globals read in the cell's own code (cell.js: types blanked, comments kept, so a mention in a
// comment leaves the cell out too, which only costs it its head start).
const blockers: [RegExp, string][] = [
  [/\bMath\s*\.\s*random\b/, "calls Math.random"],
  [/\bDate\s*\.\s*now\b|\bnew\s+Date\s*\(\s*\)|\bperformance\s*\.\s*now\b/, "reads the clock"],
  [/\b(?:localStorage|sessionStorage|indexedDB)\b/, "reads the reader's storage"],
];

/**
 * Why `cell` is not prerendered (`prerender=false`, it reads `now`, calls Math.random, the clock or
 * storage), or undefined. Cells that depend on such a cell are left out too: see the caller
 * (src/run/prerenderLesson.ts).
 */
export function findPrerenderBlocker(cell: Cell): string | undefined {
  if (cell.options.prerender === false) return "prerender=false";
  if (cell.inputs.includes("now")) return "reads now";
  return blockers.find(([pattern]) => pattern.test(cell.js))?.[1];
}

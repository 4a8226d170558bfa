// The inline math rule: `$…$` and `$$…$$` within a line of prose.

import type { StateInline } from "markdown-it";
import { readEnv } from "./lessonEnv.ts";

const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\n";
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

/** Offsets of every `$` not escaped by a backslash, in order. */
function findDollars(src: string): number[] {
  const dollars: number[] = [];
  for (let i = src.indexOf("$"); i >= 0; i = src.indexOf("$", i + 1)) {
    if (src[i - 1] !== "\\") dollars.push(i);
  }
  return dollars;
}

/** The first entry of an ascending array greater than `min`, or -1. */
function firstAfter(sorted: number[], min: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= min) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length ? sorted[lo] : -1;
}

/** The inline rule: `$…$` (Pandoc's rule) and `$$…$$` inside a paragraph become `math_inline` tokens. */
export function mathInline(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src[pos] !== "$" || src[pos + 1] === "{") return false;
  let start: number;
  let end: number;
  let display = false;
  if (src[pos + 1] === "$") {
    start = pos + 2;
    end = src.indexOf("$$", start);
    if (end < 0 || end === start) return false;
    display = true;
  } else {
    if (isSpace(src[pos + 1]) || pos + 1 >= src.length) return false;
    // Pandoc's rule: the opening `$` has a non-space after it; the next `$` closes only when it has
    // a non-space before it and no digit after it ("costs $5 and $6" stays prose).
    const env = readEnv(state.env);
    if (env.mathSource !== src) {
      env.mathSource = src;
      env.mathDollars = findDollars(src);
    }
    start = pos + 1;
    end = firstAfter(env.mathDollars ?? [], pos);
    if (end < 0 || isSpace(src[end - 1]) || isDigit(src[end + 1]) || src[end + 1] === "$") return false;
  }
  if (!silent) {
    const token = state.push("math_inline", "math", 0);
    token.content = src.slice(start, end);
    token.meta = { offset: pos, contentOffset: start, display, marker: display ? "$$" : "$" };
  }
  state.pos = end + (display ? 2 : 1);
  return true;
}

// Inline cells: `${expr}` in prose becomes a `cell_inline` token (an unclosed `${` a `cell_unclosed`).

import type { MarkdownIt, StateInline } from "markdown-it";
import { readEnv } from "./lessonEnv.ts";

/** Adds the inline `${expr}` rule; its tokens are analyzed by collectCells after inline parsing. */
export function inlineCellPlugin(md: MarkdownIt): void {
  md.inline.ruler.before("backticks", "cell_inline", inlineCell);
  md.renderer.rules.cell_unclosed = () => "${";
}

function inlineCell(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x24 /* $ */ || src.charCodeAt(pos + 1) !== 0x7b /* { */) return false;
  const env = readEnv(state.env);
  if (env.unclosedSource === src) return false;
  const end = findExpressionEnd(src, pos + 2);
  if (end < 0) {
    env.unclosedSource = src;
    if (silent) return false;
    const token = state.push("cell_unclosed", "", 0);
    token.meta = { offset: pos, marker: "${" };
    state.pos = pos + 2;
    return true;
  }
  if (!silent) {
    const token = state.push("cell_inline", "span", 0);
    token.content = src.slice(pos + 2, end);
    token.meta = { offset: pos, marker: "${" };
  }
  state.pos = end + 1;
  return true;
}

/**
 * The offset of the `}` that closes an inline expression starting at `start`, or -1. Skips strings,
 * template literals (with nested `${}`) and comments; linear time, so hostile input cannot hang it.
 */
export function findExpressionEnd(src: string, start: number): number {
  const depths: number[] = [0]; // brace depth per open code context; templates sit between them
  const inTemplate: boolean[] = [false];
  for (let i = start; i < src.length; i++) {
    const c = src[i];
    if (inTemplate[inTemplate.length - 1]) {
      if (c === "\\") i++;
      else if (c === "`") inTemplate.pop();
      else if (c === "$" && src[i + 1] === "{") {
        inTemplate.push(false);
        depths.push(0);
        i++;
      }
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c && src[j] !== "\n") j += src[j] === "\\" ? 2 : 1;
      i = j;
    } else if (c === "`") {
      inTemplate.push(true);
    } else if (c === "/" && src[i + 1] === "*") {
      const close = src.indexOf("*/", i + 2);
      if (close < 0) return -1;
      i = close + 1;
    } else if (c === "{") {
      depths[depths.length - 1]++;
    } else if (c === "}") {
      if (depths[depths.length - 1] > 0) depths[depths.length - 1]--;
      else if (depths.length === 1) return i;
      else {
        depths.pop();
        inTemplate.pop();
      }
    }
  }
  return -1;
}

// `$inline$` and `$$display$$` math for markdown-it, rendered by KaTeX at compile time.

import type { MarkdownIt, StateBlock, StateInline } from "markdown-it";
import katex from "katex";
import { escapeHtml } from "../escapeHtml.ts";
import { memoize } from "../memoize.ts";
import { readEnv } from "./lessonEnv.ts";

/** KaTeX's HTML for a formula, or an error with its offset in the formula. */
export interface RenderedMath {
  html: string;
  error?: { message: string; offset: number };
}

/** Renders TeX with KaTeX; a bad formula renders as its red source and returns the error. Never throws. */
export function renderTex(tex: string, display: boolean): RenderedMath {
  return (display ? renderDisplayCached : renderInlineCached)(tex);
}

// A recompile after an edit reuses every unchanged formula.
const renderDisplayCached = memoize((tex: string) => renderWithKatex(tex, true));
const renderInlineCached = memoize((tex: string) => renderWithKatex(tex, false));

function renderWithKatex(tex: string, display: boolean): RenderedMath {
  try {
    const html = katex.renderToString(tex, {
      displayMode: display,
      throwOnError: true,
      trust: false,
      strict: "ignore",
      maxSize: 50,
      maxExpand: 1000,
      output: "htmlAndMathml",
    });
    return { html };
  } catch (error) {
    const e = error as { message?: string; rawMessage?: string; position?: number };
    const message = error instanceof RangeError ? "formula is nested too deeply" : String(e.rawMessage ?? e.message ?? error);
    const source = display ? `$$${tex}$$` : `$${tex}$`;
    const tag = display ? "div" : "span";
    return {
      html: `<${tag} class="tex-error" style="color:#cc0000" title="${escapeHtml(message)}">${escapeHtml(source)}</${tag}>`,
      error: { message: message.replace(/^KaTeX parse error: /, ""), offset: typeof e.position === "number" ? e.position : 0 },
    };
  }
}

/** Adds the math rules; tokens are rendered (and errors located) by locateTokens after inline parsing. */
export function mathPlugin(md: MarkdownIt): void {
  md.inline.ruler.before("backticks", "math_inline", mathInline);
  md.block.ruler.before("fence", "math_block", mathBlock);
  md.renderer.rules.math_inline = (tokens, i) => String(tokens[i].meta?.html ?? "");
  md.renderer.rules.math_block = (tokens, i) => `<div class="math-display">${tokens[i].meta?.html ?? ""}</div>\n`;
}

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

function mathInline(state: StateInline, silent: boolean): boolean {
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

function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const pos = state.bMarks[startLine] + state.tShift[startLine];
  const max = state.eMarks[startLine];
  if (state.src.slice(pos, pos + 2) !== "$$") return false;
  const first = state.src.slice(pos + 2, max);
  let content: string | null = null;
  let next = startLine + 1;
  const firstTrimmed = first.trimEnd();
  if (firstTrimmed.length >= 2 && firstTrimmed.endsWith("$$")) {
    content = firstTrimmed.slice(0, -2);
  } else {
    const lines = [first];
    for (; next < endLine; next++) {
      const text = state.src.slice(state.bMarks[next] + state.tShift[next], state.eMarks[next]);
      // TeX math cannot contain a blank line, and a dedent leaves the container: either ends the search.
      if (state.isEmpty(next) || state.sCount[next] < state.blkIndent) break;
      const trimmed = text.trimEnd();
      if (trimmed.endsWith("$$")) {
        if (trimmed.length > 2) lines.push(trimmed.slice(0, -2));
        content = lines.join("\n");
        next++;
        break;
      }
      lines.push(text);
    }
  }
  if (content === null) {
    if (!silent) {
      (readEnv(state.env)).diagnostics.push({
        severity: "warning",
        code: "unclosed",
        message: "`$$` display math is not closed by a `$$` before the next blank line; it is shown as text",
        line: startLine + 1,
        column: 1,
      });
    }
    return false;
  }
  if (silent) return true;
  const token = state.push("math_block", "math", 0);
  token.block = true;
  token.content = content;
  token.map = [startLine, next];
  token.markup = "$$";
  state.line = next;
  return true;
}

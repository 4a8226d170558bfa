// Renders TeX with KaTeX at compile time, for `$…$` and `$$…$$` (collectCells calls it after inline parsing).

import katex from "katex";
import { escapeHtml } from "../escapeHtml.ts";
import { memoize } from "../memoize.ts";

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
    // KaTeX meets an unclosed `{` at the end of the formula; the author must fix the brace.
    const brace = /expected '\}'/i.test(message) ? findUnclosedBrace(tex) : -1;
    return {
      html: `<${tag} class="tex-error" style="color:#cc0000" title="${escapeHtml(message)}">${escapeHtml(source)}</${tag}>`,
      error:
        brace >= 0
          ? { message: "`{` is not closed by a matching `}`", offset: brace }
          : { message: message.replace(/^KaTeX parse error: /, ""), offset: typeof e.position === "number" ? e.position : 0 },
    };
  }
}

/** The offset of the innermost `{` no `}` closes (escaped braces and `%` comments skipped), or -1. */
export function findUnclosedBrace(tex: string): number {
  const open: number[] = [];
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === "\\") i++;
    else if (c === "%") {
      const end = tex.indexOf("\n", i);
      if (end < 0) break;
      i = end;
    } else if (c === "{") open.push(i);
    else if (c === "}") open.pop();
  }
  return open.length ? open[open.length - 1]! : -1;
}

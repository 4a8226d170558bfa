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
    return {
      html: `<${tag} class="tex-error" style="color:#cc0000" title="${escapeHtml(message)}">${escapeHtml(source)}</${tag}>`,
      error: { message: message.replace(/^KaTeX parse error: /, ""), offset: typeof e.position === "number" ? e.position : 0 },
    };
  }
}

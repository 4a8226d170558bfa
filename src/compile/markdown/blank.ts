// Blanks: `[[3.4 ± 0.01]]` in prose becomes a `blank` token (an unclosed `[[` a `blank_unclosed`);
// collectCells reads its inside with parseBlank, and renderBlanks draws the input.

import type { MarkdownIt, StateInline } from "markdown-it";
import { escapeHtml } from "../escapeHtml.ts";
import type { Blank } from "../types.ts";
import { findExpressionEnd } from "./inlineCell.ts";
import { readEnv } from "./lessonEnv.ts";

/** Adds the inline `[[…]]` rule (before links, which would read `[` first). */
export function blankPlugin(md: MarkdownIt): void {
  md.inline.ruler.before("link", "blank", blank);
  md.renderer.rules.blank = (tokens, i) => {
    const meta = tokens[i].meta as { blank?: Blank };
    return meta.blank ? renderBlank(meta.blank) : escapeHtml(`[[${tokens[i].content}]]`);
  };
  md.renderer.rules.blank_unclosed = () => "[[";
}

/**
 * A blank: a text input (`data-blank`, `data-state="empty"`) named by the prose before it, and
 * the hidden outputs of its live answers, which the runtime fills like any inline cell.
 */
export function renderBlank(blank: Blank): string {
  const formula = blank.answers.some((a) => a.kind === "formula");
  const size = Math.min(24, Math.max(5, ...blank.answers.map((a) => (a.kind === "number" ? String(a.value).length : a.kind === "text" ? a.text.length : a.kind === "formula" ? a.tex.length : 6) + 2)));
  const truths = blank.answers.flatMap((a) => (a.kind === "live" && a.cell ? [`<span class="blank-truth" data-cell="${a.cell}" data-status="pending" hidden></span>`] : []));
  return (
    `<span class="blank" data-blank-for="${blank.id}">` +
    `<input type="text" class="blank-input" data-blank="${blank.id}" data-state="empty"${formula ? ` data-blank-kind="tex"` : ""} aria-label="${escapeHtml(blank.label)}" size="${size}" autocomplete="off" autocapitalize="off" spellcheck="false">` +
    `${truths.join("")}</span>`
  );
}

function blank(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x5b /* [ */ || src.charCodeAt(pos + 1) !== 0x5b) return false;
  const env = readEnv(state.env);
  if (env.unclosedBlankSource === src) return false;
  const end = findBlankEnd(src, pos + 2);
  if (end < 0) {
    env.unclosedBlankSource = src;
    if (silent) return false;
    const token = state.push("blank_unclosed", "", 0);
    token.meta = { offset: pos };
    state.pos = pos + 2;
    return true;
  }
  if (!silent) {
    const token = state.push("blank", "input", 0);
    token.content = src.slice(pos + 2, end);
    token.meta = { offset: pos };
  }
  state.pos = end + 2;
  return true;
}

/** The offset of the `]]` closing a blank whose inside starts at `start`, or -1. Linear time. */
function findBlankEnd(src: string, start: number): number {
  for (let i = start; i < src.length; i++) {
    const c = src[i];
    if (c === "\\") i++;
    else if (c === "$" && src[i + 1] === "{") {
      const end = findExpressionEnd(src, i + 2);
      if (end < 0) return -1;
      i = end;
    } else if (c === "]" && src[i + 1] === "]") return i;
    else if (c === "\n" && src[i + 1] === "\n") return -1;
  }
  return -1;
}

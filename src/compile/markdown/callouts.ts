// GitHub-style callouts: `> [!TIP] Optional title` becomes `<div class="callout callout-tip" role="note">`.

import type { MarkdownIt, StateCore } from "markdown-it";
import { escapeHtml } from "../escapeHtml.ts";

const titles: Record<string, string> = {
  note: "Note",
  tip: "Tip",
  important: "Important",
  warning: "Warning",
  caution: "Caution",
  hint: "Hint",
};
const markerPattern = /^\[!(note|tip|important|warning|caution|hint)\][ \t]*([^\n]*)(\n|$)/i;

/** Adds the callout rule; it runs on block tokens, before inline parsing. */
export function calloutPlugin(md: MarkdownIt): void {
  md.core.ruler.after("block", "callouts", findCallouts);
  md.renderer.rules.callout_open = (tokens, i) => {
    const { kind, title, hint } = tokens[i].meta as { kind: string; title: string; hint?: string };
    // An exercise's hint (exercises.ts) stays hidden until the student asks for it.
    const hidden = hint ? ` data-hint="${escapeHtml(hint)}" hidden` : "";
    return `<div class="callout callout-${kind}" role="note"${hidden}>\n<p class="callout-title">${escapeHtml(title)}</p>\n`;
  };
  md.renderer.rules.callout_close = () => "</div>\n";
}

function findCallouts(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i];
    if (open.type !== "blockquote_open") continue;
    const inline = tokens[i + 2];
    if (tokens[i + 1]?.type !== "paragraph_open" || inline?.type !== "inline") continue;
    const match = markerPattern.exec(inline.content);
    if (!match) continue;
    const close = findClose(tokens, i);
    if (close < 0) continue;
    const kind = match[1].toLowerCase();
    open.type = "callout_open";
    open.meta = { kind, title: match[2].trim() || titles[kind] };
    tokens[close].type = "callout_close";
    const rest = inline.content.slice(match[0].length);
    if (rest.trim() === "") {
      tokens.splice(i + 1, 3);
    } else {
      inline.content = rest;
      // The paragraph now starts on the line after the marker.
      if (inline.map) inline.map = [inline.map[0] + 1, inline.map[1]];
    }
  }
}

function findClose(tokens: StateCore["tokens"], open: number): number {
  const level = tokens[open].level;
  for (let j = open + 1; j < tokens.length; j++) {
    if (tokens[j].type === "blockquote_close" && tokens[j].level === level) return j;
  }
  return -1;
}

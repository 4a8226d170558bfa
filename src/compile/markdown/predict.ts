// Predictions: `> [!PREDICT] Title` is a question (with blanks, or a guess on a figure) that hides
// what follows it, up to the next heading of the same or higher level than the section it is in,
// until the reader answers or skips. Block tokens become predict_open/close around the question
// and predict_body_open/close around what it hides; the body is a <details>, so a page without
// JavaScript still opens it.

import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { hashString } from "../../contract/hashString.ts";
import { escapeHtml } from "../escapeHtml.ts";
import { readEnv } from "./lessonEnv.ts";

const marker = /^\[!predict\][ \t]*([^\n]*)(\n|$)/i;

/** Adds the predict rule (on block tokens, before inline parsing) and its renderers. */
export function predictPlugin(md: MarkdownIt): void {
  md.core.ruler.after("block", "predict", findPredictions);
  md.renderer.rules.predict_open = (tokens, i) => {
    const { id, title } = tokens[i].meta as { id: string; title: string };
    return (
      `<div class="predict" data-predict="${id}" data-state="open" role="group" aria-labelledby="predict-${id}">\n` +
      `<p class="predict-title" id="predict-${id}"><span class="predict-label">Predict</span>${title ? ` ${escapeHtml(title)}` : ""}</p>\n`
    );
  };
  md.renderer.rules.predict_close = () => "</div>\n";
  md.renderer.rules.predict_body_open = (tokens, i) => {
    const { id } = tokens[i].meta as { id: string };
    return `<details class="predict-body" data-predict-body="${id}">\n<summary class="predict-summary">What follows is hidden until you answer above. Skip and show it</summary>\n`;
  };
  md.renderer.rules.predict_body_close = () => "</details>\n";
}

function findPredictions(state: StateCore): void {
  const env = readEnv(state.env);
  const tokens = state.tokens;
  const ids = new Map<string, number>();
  let sectionLevel = 7; // before any heading, any heading ends what a prediction hides
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i];
    if (open.type === "heading_open" && open.level === 0) sectionLevel = Number(open.tag.slice(1));
    if (open.type !== "blockquote_open") continue;
    const inline = tokens[i + 2];
    if (tokens[i + 1]?.type !== "paragraph_open" || inline?.type !== "inline") continue;
    const match = marker.exec(inline.content);
    if (!match) continue;
    const line = (open.map?.[0] ?? 0) + 1;
    if (open.level !== 0) {
      env.diagnostics.push({ severity: "error", code: "predict", message: "a [!PREDICT] callout must be at the top level (not in a list or another quote): what it hides runs to the next heading", line, column: 1 });
      continue;
    }
    const close = findClose(tokens, i);
    if (close < 0) continue;
    const title = match[1].trim();
    const rest = inline.content.slice(match[0].length);
    const hash = hashString(`predict\0${title}\0${rest}\0${questionText(tokens, i, close)}`).slice(-10);
    const count = (ids.get(hash) ?? 0) + 1;
    ids.set(hash, count);
    const id = count > 1 ? `${hash}-${count}` : hash;
    open.type = "predict_open";
    open.meta = { id, title };
    tokens[close].type = "predict_close";
    tokens[close].meta = { id };
    if (rest.trim() === "") {
      tokens.splice(i + 1, 3);
    } else {
      inline.content = rest;
      if (inline.map) inline.map = [inline.map[0] + 1, inline.map[1]];
    }
    wrapBody(state, findClose(tokens, i, "predict_close"), sectionLevel, id, line);
  }
}

/** The source of a prediction's question, for its id: the text of its inline and fence tokens. */
function questionText(tokens: Token[], open: number, close: number): string {
  return tokens.slice(open + 3, close).map((t) => t.content).join("\n");
}

/**
 * Puts predict_body_open after the question and predict_body_close before the next heading of
 * level ≤ `sectionLevel` (or the end), inside any body that ends there too, so predictions that
 * follow one another nest: a later one is hidden until the earlier one is answered.
 */
function wrapBody(state: StateCore, close: number, sectionLevel: number, id: string, line: number): void {
  const tokens = state.tokens;
  let end = close + 1;
  while (end < tokens.length && !(tokens[end].type === "heading_open" && tokens[end].level === 0 && Number(tokens[end].tag.slice(1)) <= sectionLevel)) end++;
  while (end > close + 1 && tokens[end - 1].type === "predict_body_close") end--;
  if (end === close + 1) {
    readEnv(state.env).diagnostics.push({ severity: "warning", code: "predict", message: "nothing follows this [!PREDICT] before the next heading, so it hides nothing", line, column: 1 });
    return;
  }
  const bodyOpen = new state.Token("predict_body_open", "details", 1);
  const bodyClose = new state.Token("predict_body_close", "details", -1);
  bodyOpen.meta = { id };
  bodyClose.meta = { id };
  bodyOpen.block = bodyClose.block = true;
  const first = tokens[close + 1].map;
  const last = tokens.slice(close + 1, end).reverse().find((t) => t.map)?.map;
  bodyOpen.map = first && last ? [first[0], last[1]] : null;
  tokens.splice(end, 0, bodyClose);
  tokens.splice(close + 1, 0, bodyOpen);
}

function findClose(tokens: Token[], open: number, type = "blockquote_close"): number {
  const level = tokens[open].level;
  for (let j = open + 1; j < tokens.length; j++) {
    if (tokens[j].type === type && tokens[j].level === level) return j;
  }
  return -1;
}

// `${…}` in raw HTML blocks, as Observable Framework reads them: an expression in the HTML's text
// (`<div class="card">${x}</div>`, inline SVG, indented lines), never inside a tag, a comment, or
// <script>/<style>; `\${` is a literal `${`.

import { findExpressionEnd } from "./inlineCell.ts";

/** A piece of an HTML block: raw HTML, or an inline expression with its offset in the block. */
export type HtmlPart =
  | { kind: "html"; html: string }
  | { kind: "expression"; source: string; offset: number; svg: boolean };

const rawTextTags = /^<(script|style|textarea|title)\b/i;

/** Splits an HTML block's text into HTML and `${…}` expressions; one html part when it has none. */
export function splitHtmlBlock(html: string): HtmlPart[] {
  const parts: HtmlPart[] = [];
  let text = "";
  let svgDepth = 0;
  let i = 0;
  while (i < html.length) {
    const c = html[i];
    if (c === "<" && /[A-Za-z/!?]/.test(html[i + 1] ?? "")) {
      const end = skipMarkup(html, i);
      const markup = html.slice(i, end);
      if (/^<svg\b/i.test(markup) && !markup.endsWith("/>")) svgDepth++;
      else if (/^<\/svg\b/i.test(markup)) svgDepth = Math.max(0, svgDepth - 1);
      text += markup;
      i = end;
      continue;
    }
    if (c === "\\" && html.startsWith("${", i + 1)) {
      text += "${";
      i += 3;
      continue;
    }
    if (c === "$" && html[i + 1] === "{") {
      const close = findExpressionEnd(html, i + 2);
      if (close >= 0) {
        if (text) parts.push({ kind: "html", html: text });
        text = "";
        parts.push({ kind: "expression", source: html.slice(i + 2, close), offset: i, svg: svgDepth > 0 });
        i = close + 1;
        continue;
      }
    }
    text += c;
    i++;
  }
  if (text || parts.length === 0) parts.push({ kind: "html", html: text });
  return parts;
}

/** The end of the tag, comment or raw-text element (its closing tag included) that starts at `start`. */
function skipMarkup(html: string, start: number): number {
  if (html.startsWith("<!--", start)) {
    const end = html.indexOf("-->", start + 4);
    return end < 0 ? html.length : end + 3;
  }
  const tagEnd = findTagEnd(html, start);
  const raw = rawTextTags.exec(html.slice(start, tagEnd));
  if (!raw) return tagEnd;
  const close = html.toLowerCase().indexOf(`</${raw[1]!.toLowerCase()}`, tagEnd);
  return close < 0 ? html.length : findTagEnd(html, close);
}

/** The offset after the `>` that ends the tag at `start`, quoted attribute values skipped. */
function findTagEnd(html: string, start: number): number {
  let quote = "";
  for (let i = start + 1; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return i + 1;
  }
  return html.length;
}

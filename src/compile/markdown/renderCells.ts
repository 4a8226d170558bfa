// Renders cells and listings: the page elements the runtime fills and the editor takes over.

import type { MarkdownIt } from "markdown-it";
import type { Cell } from "../types.ts";
import { highlightCode, renderListing } from "../highlight/highlightCode.ts";
import { renderLines } from "../highlight/renderLines.ts";
import { escapeHtml } from "../escapeHtml.ts";
import type { HtmlBlockPart } from "./collectCells.ts";

/** Adds the renderers for fences (cells and listings) and inline cells. */
export function renderCellsPlugin(md: MarkdownIt): void {
  md.renderer.rules.fence = (tokens, i) => {
    const token = tokens[i];
    const meta = token.meta as { cell?: Cell; listing?: string } | null;
    if (meta?.cell) return renderCell(meta.cell);
    return renderListing(token.content, meta?.listing ?? token.info.trim().split(/\s+/)[0] ?? "");
  };
  const renderHtmlBlock = md.renderer.rules.html_block!;
  md.renderer.rules.html_block = (tokens, i, options, env, self) => {
    const parts = (tokens[i].meta as { parts?: HtmlBlockPart[] } | null)?.parts;
    if (!parts) return renderHtmlBlock(tokens, i, options, env, self);
    return parts.map((part) => (part.kind === "html" ? part.html : renderInlineCell(part.cell, part.svg))).join("");
  };
  md.renderer.rules.cell_inline = (tokens, i) => {
    const cell = (tokens[i].meta as { cell?: Cell } | null)?.cell;
    return cell ? renderInlineCell(cell) : escapeHtml("${" + tokens[i].content + "}");
  };
}

/**
 * A fenced cell: its code (open unless `hide`) and its output element. The runtime fills
 * `[data-cell]`; the editor replaces `[data-source-for]`. The code wraps (theme.css), so it is
 * rendered a line per span, each wrapped line continuing under its own indentation.
 */
export function renderCell(cell: Cell): string {
  const language = cell.lang === "ts" ? "TypeScript" : "JavaScript";
  const hljsLanguage = cell.lang === "ts" ? "typescript" : "javascript";
  const editable = cell.options.editable ? "" : ` data-editable="false"`;
  return (
    `<div class="cell" id="cell-${cell.id}" data-line="${cell.line}"${editable}>\n` +
    `<details class="cell-code"${cell.options.hide ? "" : " open"}>${renderSummary(cell, language)}` +
    `<pre class="listing" data-source-for="${cell.id}"><code class="hljs language-${cell.lang}">` +
    `${renderLines(highlightCode(cell.source, hljsLanguage))}</code></pre></details>\n` +
    `<div class="cell-output" data-cell="${cell.id}" data-status="pending"></div>\n` +
    `</div>\n`
  );
}

/**
 * The code toggle: "TypeScript" on screen, and for screen readers which cell it opens (its names, or
 * its line), so forty toggles are not forty times the same name. A shown cell's toggle only hides
 * code already in sight, so it leaves the Tab order (the lesson's "Show all code" does that job).
 */
function renderSummary(cell: Cell, language: string): string {
  const names = cell.outputs.length > 3 ? [...cell.outputs.slice(0, 3), "…"] : cell.outputs;
  const which = names.length ? `of ${names.join(", ")}, line ${cell.line}` : `at line ${cell.line}`;
  const tabindex = cell.options.hide ? "" : ` tabindex="-1"`;
  return `<summary${tabindex}>${language}<span class="visually-hidden"> code ${escapeHtml(which)}</span></summary>`;
}

/** An inline `${expr}` cell: an empty span the runtime fills with the value (a `<tspan>` inside SVG). */
export function renderInlineCell(cell: Cell, svg = false): string {
  const tag = svg ? "tspan" : "span";
  return `<${tag} class="cell-inline" data-cell="${cell.id}" data-status="pending"></${tag}>`;
}

// The lesson's links and anchors, as data for the site (which knows the other lessons): every link
// the author wrote that stays on the site (`other.md#a`, `#a`, `img/x.png`), at its place in the
// .md file, and every id a link may point at (headings' anchors, `id="…"` in the prose's HTML).
// Links to other lessons can be given their page URL (CompileOptions.linkHref).

import type { MarkdownIt, StateCore } from "markdown-it";
import { readEnv } from "./lessonEnv.ts";

/** Adds the rules: links after the cells are collected (table cells have their lines then), anchors after markdown-it-anchor. */
export function collectLinksPlugin(md: MarkdownIt): void {
  md.core.ruler.after("collect_cells", "collect_links", collectLinks);
  md.core.ruler.push("collect_anchors", collectAnchors);
}

/** A link with a scheme (`https:`, `mailto:`) or protocol-relative (`//host`) leaves the site. */
export function isExternalLink(href: string): boolean {
  return href.startsWith("//") || /^[a-z][a-z0-9+.-]*:/i.test(href);
}

function collectLinks(state: StateCore): void {
  const env = readEnv(state.env);
  env.links ??= [];
  // Computed at the first link: most lessons' prose has few, and a huge lesson of cells none.
  let starts: number[] | undefined;
  let text = "";
  for (const token of state.tokens) {
    if (token.type !== "inline" || !token.children || !token.map) continue;
    if (!token.children.some((child) => child.type === "link_open")) continue;
    if (!starts) {
      starts = lineStarts(env.lines);
      text = env.lines.join("\n");
    }
    let cursor = starts[token.map[0]] ?? 0;
    for (const child of token.children) {
      if (child.type !== "link_open") continue;
      const href = String(child.attrGet("href") ?? "");
      if (!href || isExternalLink(href)) continue;
      // markdown-it gives inline tokens no columns: the link is where its target is written, after the last one found.
      const found = findWritten(text, href, cursor);
      const offset = found < 0 ? (starts[token.map[0]] ?? 0) : found;
      if (found >= 0) cursor = found + 1;
      env.links.push({ href, ...locate(starts, offset) });
      const rewritten = env.linkHref?.(href);
      if (rewritten !== undefined) child.attrSet("href", rewritten);
    }
  }
}

function collectAnchors(state: StateCore): void {
  const env = readEnv(state.env);
  const anchors = new Set<string>();
  const addIds = (html: string) => {
    for (const match of html.matchAll(/\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi)) anchors.add(match[1] ?? match[2] ?? match[3]);
  };
  for (const token of state.tokens) {
    const id = token.type === "heading_open" ? token.attrGet("id") : null;
    if (id !== null && id !== "") anchors.add(String(id));
    if (token.type === "html_block") addIds(token.content);
    for (const child of token.children ?? []) if (child.type === "html_inline") addIds(child.content);
  }
  env.anchors = [...anchors];
}

/** The offset where `href` is written in `text` from `from` (as given, or before markdown-it encoded it), or -1. */
function findWritten(text: string, href: string, from: number): number {
  const candidates = [href];
  try {
    candidates.push(decodeURI(href));
  } catch {
    // A malformed escape is written as it is.
  }
  for (const candidate of candidates) {
    const found = text.indexOf(candidate, from);
    if (found >= 0) return found;
  }
  return -1;
}

function lineStarts(lines: readonly string[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return starts;
}

function locate(starts: readonly number[], offset: number): { line: number; column: number } {
  // The last line starting at or before `offset` (binary search: a lesson may have many links).
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low] + 1 };
}

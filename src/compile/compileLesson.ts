// Compiles a lesson: Markdown with front matter, math, callouts and live cells → Lesson.

import markdownIt from "markdown-it";
import type { MarkdownIt, Token } from "markdown-it";
import anchor from "markdown-it-anchor";
import type { CompileOptions, Diagnostic, Lesson } from "./types.ts";
import { parseFrontMatter } from "./markdown/parseFrontMatter.ts";
import { mathPlugin } from "./markdown/math.ts";
import { calloutPlugin } from "./markdown/callouts.ts";
import { inlineCellPlugin } from "./markdown/inlineCell.ts";
import { collectCellsPlugin } from "./markdown/collectCells.ts";
import { renderCellsPlugin } from "./markdown/renderCells.ts";
import { checkCells } from "./cell/checkCells.ts";
import type { LessonEnv } from "./markdown/lessonEnv.ts";

/** Makes a heading's id: lowercase words joined by hyphens, punctuation and emoji dropped. */
export function slugify(text: string): string {
  return (
    text
      .trim()
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .trim()
      .replace(/[\s_-]+/g, "-") || "section"
  );
}

function createMarkdown(): MarkdownIt {
  const md = markdownIt({ html: true, linkify: false, typographer: false });
  md.use(inlineCellPlugin);
  md.use(mathPlugin);
  md.use(calloutPlugin);
  md.use(collectCellsPlugin);
  md.use(renderCellsPlugin);
  md.use(anchor, {
    slugify,
    tabIndex: false,
    permalink: anchor.permalink.headerLink({ safariReaderFix: true }),
  });
  return md;
}

let markdown: MarkdownIt | undefined;

/** Compiles a lesson's Markdown to its page HTML, cells and diagnostics; never throws on content. */
export function compileLesson(source: string, options: CompileOptions = {}): Lesson {
  const file = options.file ?? "lesson.md";
  // markdown-it normalizes line breaks and NUL the same way, so positions agree with `lines`.
  // An editor's byte-order mark would hide the front matter; it is invisible, so dropping it moves nothing a reader sees.
  const text = String(source).replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").replace(/\0/g, "\uFFFD");
  const lines = text.split("\n");
  const { frontMatter, body, diagnostics: frontMatterDiagnostics } = parseFrontMatter(text);
  const env: LessonEnv = { lines, diagnostics: [...frontMatterDiagnostics], cells: [] };
  let html = "";
  let tokens: Token[] = [];
  try {
    markdown ??= createMarkdown();
    tokens = markdown.parse(body, env as unknown as Record<PropertyKey, unknown>);
    html = markdown.renderer.render(tokens, markdown.options, env as unknown as Record<PropertyKey, unknown>);
  } catch (error) {
    // markdown-it does not throw on content; a stack overflow on hostile nesting is the exception.
    env.diagnostics.push({
      severity: "error",
      code: "markdown",
      message: `the Markdown could not be compiled: ${(error as Error)?.message ?? error}`,
      line: 1,
      column: 1,
    });
  }
  const diagnostics = [...env.diagnostics];
  try {
    diagnostics.push(...checkCells(env.cells));
  } catch (error) {
    diagnostics.push({ severity: "error", code: "internal", message: `the cells could not be checked: ${(error as Error)?.message ?? error}`, line: 1, column: 1 });
  }
  return {
    file,
    title: findTitle(frontMatter.title, tokens, file),
    frontMatter,
    html,
    cells: env.cells,
    diagnostics: sortDiagnostics(clampDiagnostics(diagnostics, lines.length)),
  };
}

function findTitle(title: unknown, tokens: Token[], file: string): string {
  if (typeof title === "string" && title.trim()) return title.trim();
  const h1 = tokens.findIndex((t) => t.type === "heading_open" && t.tag === "h1");
  const inline = h1 >= 0 ? tokens[h1 + 1] : undefined;
  if (inline?.children) {
    const text = inline.children
      .filter((t) => t.type === "text" || t.type === "code_inline")
      .map((t) => t.content)
      .join("")
      .trim();
    if (text) return text;
  }
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.md$/i, "");
}

/** Keeps every diagnostic inside the file (a cell at the very end may point one line past it). */
function clampDiagnostics(diagnostics: Diagnostic[], lineCount: number): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const line = Math.min(Math.max(1, d.line), lineCount);
    const column = Math.max(1, d.column);
    const key = `${d.code}\0${line}\0${column}\0${d.message}\0${d.cell}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...d, line, column });
  }
  return out;
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => [d, i] as const)
    .sort(([a, i], [b, j]) => a.line - b.line || a.column - b.column || i - j)
    .map(([d]) => d);
}

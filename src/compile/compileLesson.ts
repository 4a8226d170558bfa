// Compiles a lesson: Markdown with front matter, math, callouts and live cells → Lesson.

import type { Token } from "markdown-it";
import type { CompileOptions, Diagnostic, Lesson } from "./types.ts";
import { parseMarkdown, renderMarkdown } from "./markdown/parseMarkdown.ts";
import { checkCells } from "./cell/checkCells.ts";
import { hashString } from "../contract/hashString.ts";

/**
 * The largest lesson compiled, in characters (UTF-16 code units): 25 times the bundled chapter.
 * Memory grows with the tokens, so a 5 MB lesson took 3.4 GB and a 10 MB one made `lesson build`
 * die out of memory with no located error; above this, the lesson is refused with one.
 */
export const MAX_LESSON_CHARS = 1_000_000;

/** Compiles a lesson's Markdown to its page HTML, cells and diagnostics; never throws on content. */
export function compileLesson(source: string, options: CompileOptions = {}): Lesson {
  const file = options.file ?? "lesson.md";
  if (source.length > MAX_LESSON_CHARS) return refuseTooLarge(String(source), file);
  const parsed = parseMarkdown(source, { linkHref: options.linkHref });
  const { frontMatter, tokens, env } = parsed;
  const html = renderMarkdown(parsed);
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
    links: env.links ?? [],
    anchors: env.anchors ?? [],
    diagnostics: sortDiagnostics(clampDiagnostics(diagnostics, env.lines.length)),
    learning: {
      version: hashString(env.lines.join("\n")).slice(-12),
      blanks: env.blanks,
      predictions: env.predictions,
      sections: env.sections,
    },
    exercises: env.exercises ?? [],
  };
}

/** A lesson above the size limit: no cells, one error where the limit is crossed. */
function refuseTooLarge(source: string, file: string): Lesson {
  const before = source.slice(0, MAX_LESSON_CHARS);
  const lineStart = before.lastIndexOf("\n") + 1;
  const message = `this lesson has ${source.length.toLocaleString("en")} characters; a lesson may have at most ${MAX_LESSON_CHARS.toLocaleString("en")}: split it into several lessons`;
  return {
    file,
    title: findTitle(undefined, [], file),
    frontMatter: {},
    html: "",
    cells: [],
    links: [],
    anchors: [],
    diagnostics: [{ severity: "error", code: "too-large", message, line: before.split("\n").length, column: MAX_LESSON_CHARS - lineStart + 1 }],
    learning: { version: hashString(source).slice(-12), blanks: [], predictions: [], sections: [] },
    exercises: [],
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

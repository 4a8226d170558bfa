// After inline parsing: analyzes every cell in document order, renders math, and locates problems.

import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { analyzeCell } from "../cell/analyzeCell.ts";
import { readFenceInfo, reportUnknownOptions } from "./readFenceInfo.ts";
import { renderTex } from "./renderTex.ts";
import { readEnv, type AddCell, type LessonEnv, type PredictScope } from "./lessonEnv.ts";
import { collectBlank } from "./collectBlank.ts";
import type { Cell, Diagnostic, Prediction } from "../types.ts";
import { splitHtmlBlock, type HtmlPart } from "./splitHtmlBlock.ts";

/** An HTML block's pieces once its `${…}` are cells (what renderCells writes out). */
export type HtmlBlockPart = { kind: "html"; html: string } | { kind: "cell"; cell: Cell; svg: boolean };
import { collectExerciseFence } from "./exerciseFence.ts";

/** Adds the core rule that turns cell and math tokens into cells, HTML and diagnostics. */
export function collectCellsPlugin(md: MarkdownIt): void {
  md.core.ruler.after("inline", "collect_cells", collectCells);
}

function collectCells(state: StateCore): void {
  const env = readEnv(state.env);
  const ids = new Map<string, number>();
  const scope: PredictScope = { question: null, bodies: [] };
  const addCell = (cell: Cell, diagnostics: Diagnostic[]) => {
    // Identical cells (say `${x}` twice in prose) share a hash; later ones get a suffix.
    const count = (ids.get(cell.id) ?? 0) + 1;
    ids.set(cell.id, count);
    if (count > 1) {
      const id = `${cell.id}-${count}`;
      for (const d of diagnostics) d.cell = id;
      cell.id = id;
    }
    env.cells.push(cell);
    env.diagnostics.push(...diagnostics);
    scope.question?.cells.push(cell.id);
    for (const body of scope.bodies) body.hiddenCells.push(cell.id);
  };
  let map: [number, number] | null = null;
  // Index loops over the document's tokens: while this code is cold, a `for…of` step allocates.
  for (let i = 0; i < state.tokens.length; i++) {
    const token = state.tokens[i]!;
    // Table cells' inline tokens have no map of their own; the row before them does.
    if (token.map) map = token.map;
    else if (token.type === "inline" && map) token.map = [map[0], map[1]];
    if (token.type === "fence") collectFence(token, env, addCell);
    else if (token.type === "math_block") renderBlockMath(token, env);
    else if (token.type === "inline" && token.children) collectInline(token, env, addCell, scope);
    else if (token.type === "predict_open") scope.question = openPrediction(token, env);
    else if (token.type === "predict_close") scope.question = null;
    else if (token.type === "predict_body_open") scope.bodies.push(findPrediction(token, env));
    else if (token.type === "predict_body_close") scope.bodies.pop();
    else if (token.type === "html_block") collectHtmlBlock(token, env, addCell);
  }
}

function openPrediction(token: Token, env: LessonEnv): Prediction {
  const { id, title } = token.meta as { id: string; title: string };
  const prediction: Prediction = { id, line: (token.map?.[0] ?? 0) + 1, title, blanks: [], cells: [], hidden: null, hiddenCells: [] };
  env.predictions.push(prediction);
  return prediction;
}

function findPrediction(token: Token, env: LessonEnv): Prediction {
  const { id } = token.meta as { id: string };
  const prediction = env.predictions.find((p) => p.id === id)!;
  if (token.map) prediction.hidden = [token.map[0] + 1, token.map[1]];
  return prediction;
}

/** `${…}` in an HTML block become inline cells, as in Observable Framework (`<div class="card">${x}</div>`). */
function collectHtmlBlock(token: Token, env: LessonEnv, addCell: AddCell): void {
  const parts = splitHtmlBlock(token.content);
  if (parts.length === 1 && parts[0]!.kind === "html") {
    token.content = parts[0]!.html; // `\${` unescaped
    return;
  }
  const locate = makeLocator(token, env.lines);
  token.meta = {
    parts: parts.map((part: HtmlPart): HtmlBlockPart => {
      if (part.kind === "html") return part;
      const at = locate(part.offset);
      const { cell, diagnostics } = analyzeCell(part.source, { lang: "ts", line: at.line, column: at.column + 2, inline: true });
      addCell(cell, diagnostics);
      return { kind: "cell", cell, svg: part.svg };
    }),
  };
}


function collectFence(token: Token, env: LessonEnv, addCell: AddCell): void {
  const info = readFenceInfo(token.info);
  const fenceLine = (token.map?.[0] ?? 0) + 1;
  env.diagnostics.push(...reportUnknownOptions(info, fenceLine));
  if (!isClosed(token, env.lines)) {
    env.diagnostics.push({
      severity: "warning",
      code: "unclosed",
      message: `code fence ${token.markup} is not closed; it runs to the end of the ${token.level ? "block" : "file"}`,
      line: fenceLine,
      column: 1,
    });
  }
  if (!info.live || !info.options.run) {
    token.meta = { listing: info.lang };
    return;
  }
  if (info.role && info.role.kind !== "exercise") {
    collectExerciseFence(token, info.live, info.role, Math.min(fenceLine + 1, env.lines.length), env);
    return;
  }
  // The fence keeps its last line break in markdown-it; the cell does not. An empty fence left
  // open on the file's last line has no code line: it stays on the fence's line, inside the file.
  const { cell, diagnostics } = analyzeCell(token.content.replace(/\n$/, ""), {
    lang: info.live,
    line: Math.min(fenceLine + 1, env.lines.length),
    column: 1,
    inline: false,
    options: info.options,
  });
  // The exercise's id is settled when its fences are grouped (exercises.ts); the role is known now.
  if (info.role) cell.exercise = info.role.name ?? cell.outputs[0] ?? "";
  addCell(cell, diagnostics);
  token.meta = info.role ? { cell, role: info.role } : { cell };
}

/** True when the fence's last line is its closing fence (markdown-it lets a fence run to the end). */
function isClosed(token: Token, lines: string[]): boolean {
  const [start, end] = token.map ?? [0, 0];
  if (end - 1 <= start) return false;
  const last = (lines[end - 1] ?? "").replace(/^[\s>]*(?:[-+*]|\d+[.)])?\s*/, "").trimEnd();
  const char = token.markup[0];
  return last.length >= token.markup.length && [...last].every((c) => c === char);
}

function renderBlockMath(token: Token, env: LessonEnv): void {
  const rendered = renderTex(token.content, true);
  token.meta = { html: rendered.html };
  if (rendered.error) {
    const start = token.map?.[0] ?? 0;
    const before = token.content.slice(0, rendered.error.offset);
    const lineOffset = before.split("\n").length - 1;
    const firstColumn = (env.lines[start]?.indexOf("$$") ?? 0) + 3;
    const column = lineOffset === 0 ? firstColumn + before.length : before.length - before.lastIndexOf("\n");
    env.diagnostics.push(texDiagnostic(rendered.error.message, start + 1 + lineOffset, column));
  }
}

function texDiagnostic(message: string, line: number, column: number): Diagnostic {
  return { severity: "error", code: "tex", message: `TeX: ${message}`, line, column };
}

function collectInline(token: Token, env: LessonEnv, addCell: AddCell, scope: PredictScope): void {
  let locate: ((offset: number) => { line: number; column: number }) | null = null;
  const children = token.children!;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.type === "blank" || child.type === "blank_unclosed") {
      locate ??= makeLocator(token, env.lines);
      collectBlank(token.children!, index, env, locate, addCell, scope);
      continue;
    }
    if (child.type !== "cell_inline" && child.type !== "cell_unclosed" && child.type !== "math_inline") continue;
    locate ??= makeLocator(token, env.lines);
    const { offset, marker } = child.meta as { offset: number; marker: string };
    const at = locate(offset);
    if (child.type === "cell_inline") {
      const { cell, diagnostics } = analyzeCell(child.content, {
        lang: "ts",
        line: at.line,
        column: at.column + marker.length,
        inline: true,
      });
      addCell(cell, diagnostics);
      child.meta = { ...child.meta, cell };
    } else if (child.type === "cell_unclosed") {
      env.diagnostics.push({
        severity: "error",
        code: "unclosed",
        message: "`${` is not closed by a matching `}`; it is shown as text",
        line: at.line,
        column: at.column,
      });
    } else {
      const { display, contentOffset } = child.meta as { display: boolean; contentOffset: number };
      const rendered = renderTex(child.content, display);
      child.meta = { ...child.meta, html: rendered.html };
      if (rendered.error) {
        const inner = locate(contentOffset + rendered.error.offset);
        env.diagnostics.push(texDiagnostic(rendered.error.message, inner.line, inner.column));
      }
    }
  }
}

/**
 * Maps an offset in an inline token's content to the .md file's line and column. Content lines are
 * file lines minus container prefixes (`> `, list indentation), so each is found in its file line.
 */
export function makeLocator(token: Token, lines: string[]): (offset: number) => { line: number; column: number } {
  const content = token.content;
  const newlines: number[] = [];
  for (let i = content.indexOf("\n"); i >= 0; i = content.indexOf("\n", i + 1)) newlines.push(i);
  const bases = new Map<number, number>();
  const first = token.map?.[0] ?? 0;
  return (offset) => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newlines[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    const k = lo;
    const lineStart = k ? newlines[k - 1] + 1 : 0;
    let base = bases.get(k);
    if (base === undefined) {
      const text = content.slice(lineStart, k < newlines.length ? newlines[k] : content.length);
      base = Math.max(0, lines[first + k]?.indexOf(text) ?? 0);
      bases.set(k, base);
    }
    return { line: first + k + 1, column: base + (offset - lineStart) + 1 };
  };
}

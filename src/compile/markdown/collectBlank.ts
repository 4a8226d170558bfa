// After inline parsing: one blank's inside read (parseBlank), its live answers made inline cells,
// its problems located, and the blank added to the lesson and to the prediction it is in.

import type { Token } from "markdown-it";
import { texToExpression } from "../../math/texToExpression.ts";
import { analyzeCell } from "../cell/analyzeCell.ts";
import { hashString } from "../../contract/hashString.ts";
import type { Blank, BlankAnswer } from "../types.ts";
import type { AddCell, LessonEnv, PredictScope } from "./lessonEnv.ts";
import { parseBlank } from "./parseBlank.ts";

type Locate = (offset: number) => { line: number; column: number };

/** Reads the blank at `children[index]` (a `blank` or `blank_unclosed` token) into the lesson. */
export function collectBlank(children: Token[], index: number, env: LessonEnv, locate: Locate, addCell: AddCell, scope: PredictScope): void {
  const token = children[index];
  const { offset } = token.meta as { offset: number };
  const at = locate(offset);
  if (token.type === "blank_unclosed") {
    env.diagnostics.push({ severity: "warning", code: "blank", message: "`[[` is not closed by `]]` in this paragraph; it is shown as text (write \\[[ for brackets)", ...at });
    return;
  }
  const parsed = parseBlank(token.content);
  // A formula answer must be one the page can evaluate (TeX commands it knows, groups closed).
  for (const answer of parsed.answers) {
    if (answer.kind !== "formula") continue;
    const converted = texToExpression(answer.tex);
    if (!converted.ok) parsed.problems.push({ message: converted.message, offset: token.content.indexOf(answer.tex) + converted.offset });
  }
  for (const problem of parsed.problems) {
    env.diagnostics.push({ severity: "error", code: "blank", message: `blank: ${problem.message}`, ...locate(offset + 2 + problem.offset) });
  }
  if (parsed.problems.length) {
    token.meta = { ...token.meta, broken: true };
    return;
  }
  const answers: BlankAnswer[] = parsed.answers.map((answer) => {
    if (answer.kind !== "live") return answer;
    const place = locate(offset + 2 + answer.offset);
    const { cell, diagnostics } = analyzeCell(answer.source, { lang: "ts", line: place.line, column: place.column, inline: true });
    addCell(cell, diagnostics);
    return { ...answer, cell: cell.id };
  });
  const feedback = parsed.feedback;
  const hash = hashString(`blank\0${token.content.trim()}`).slice(-10);
  env.blankIds ??= new Map();
  const repeats = env.blankIds.get(hash) ?? 0;
  env.blankIds.set(hash, repeats + 1);
  const blank: Blank = {
    id: repeats ? `${hash}-${repeats + 1}` : hash,
    ...at,
    source: token.content,
    answers,
    feedback,
    label: findLabel(children, index),
    ...(scope.question ? { predict: scope.question.id } : {}),
  };
  env.blanks.push(blank);
  scope.question?.blanks.push(blank.id);
  token.meta = { ...token.meta, blank };
}

/** The blank's accessible name: the prose before it in its sentence (its last 60 characters or so). */
function findLabel(children: Token[], index: number): string {
  let text = "";
  for (let i = index - 1; i >= 0 && text.length < 80; i--) {
    const child = children[i];
    if (child.type === "blank") break;
    if (child.type === "text" || child.type === "code_inline" || child.type === "math_inline") text = child.content + text;
    else if (child.type === "softbreak" || child.type === "hardbreak") text = " " + text;
    else if (child.type === "cell_inline") text = "…" + text;
  }
  text = text.replace(/\s+/g, " ").trim();
  // The sentence the blank is in: what follows the last full stop before it.
  const sentence = text.replace(/^.*[.!?:;]\s+(?=\S)/, "").trim();
  if (sentence.length >= 2) text = sentence;
  if (text.length > 60) text = "…" + text.slice(text.length - 60).replace(/^\S*\s/, "");
  return text || "Your answer";
}

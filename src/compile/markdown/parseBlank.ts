// The grammar of a blank's inside, `[[ answers ; feedback ]]`:
//
//   blank     = answer { "|" answer } { ";" feedback }
//   answer    = "tex:" formula            a formula, checked at seeded points
//             | "${" expression "}" [tol]  a live value (follows the sliders)
//             | number [tol]               3.4, -68, 1e-3, −68 (a Unicode minus too)
//             | text                       compared trimmed, spaces collapsed, case ignored
//   tol       = ("±" | "+-") number ["%"]  absolute, or relative with %
//   feedback  = (answer | "*") ":" '"' message '"'   shown for that wrong answer ("*": any other)
//
// `\|`, `\;`, `\]` and `\"` write those characters in text. Never throws: problems come back with
// their offset in the inside.

import type { BlankAnswer, BlankFeedback, Tolerance } from "../types.ts";
import { findExpressionEnd } from "./inlineCell.ts";

/** A blank's inside, read. */
export interface ParsedBlank {
  answers: BlankAnswer[];
  feedback: BlankFeedback[];
  problems: { message: string; offset: number }[];
}

const NUMBER = String.raw`[+\-−]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+\-]?\d+)?`;
const NUMBER_ANSWER = new RegExp(String.raw`^(${NUMBER})\s*(?:(?:±|\+-)\s*(${NUMBER})\s*(%)?)?$`);

/** Reads the inside of `[[…]]` (what is between the brackets). */
export function parseBlank(inside: string): ParsedBlank {
  const problems: ParsedBlank["problems"] = [];
  const parts = splitTopLevel(inside, problems);
  const answers: BlankAnswer[] = [];
  const feedback: BlankFeedback[] = [];
  for (const part of parts) {
    if (part.separator !== ";") {
      const answer = readAnswer(part.text, part.offset, problems);
      if (answer) answers.push(answer);
    } else {
      const item = readFeedback(part.text, part.offset, problems);
      if (item) feedback.push(item);
    }
  }
  if (!answers.length && !problems.length) problems.push({ message: "a blank needs an answer: [[3.4]], [[3.4 ± 0.01]], [[${w}]] or [[tex: 28w - 68]]", offset: 0 });
  return { answers, feedback, problems };
}

/** A top-level part of the inside, with the separator before it ("" for the first). */
interface Part {
  text: string;
  offset: number;
  separator: "" | "|" | ";";
}

/** Splits at `|` and `;` outside `${…}`, quotes and escapes; after the first `;` every part is feedback. */
function splitTopLevel(inside: string, problems: ParsedBlank["problems"]): Part[] {
  const parts: Part[] = [];
  let start = 0;
  let separator: Part["separator"] = "";
  let inFeedback = false;
  for (let i = 0; i < inside.length; i++) {
    const c = inside[i];
    if (c === "\\") i++;
    else if (c === "$" && inside[i + 1] === "{") {
      const end = findExpressionEnd(inside, i + 2);
      if (end < 0) {
        problems.push({ message: "`${` in a blank is not closed by a matching `}`", offset: i });
        return [];
      }
      i = end;
    } else if (c === '"' && inFeedback) {
      let j = i + 1;
      while (j < inside.length && inside[j] !== '"') j += inside[j] === "\\" ? 2 : 1;
      i = j;
    } else if (c === "|" || c === ";") {
      if (c === "|" && inFeedback) continue;
      parts.push({ text: inside.slice(start, i), offset: start, separator });
      separator = inFeedback ? ";" : c;
      if (c === ";") (inFeedback = true), (separator = ";");
      start = i + 1;
    }
  }
  parts.push({ text: inside.slice(start), offset: start, separator });
  return parts;
}

function readAnswer(raw: string, offset: number, problems: ParsedBlank["problems"]): BlankAnswer | undefined {
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  const at = offset + lead;
  if (!text) {
    problems.push({ message: "empty answer in a blank (two `|` in a row, or a `|` at an end?)", offset: at });
    return undefined;
  }
  if (/^tex:/i.test(text)) {
    const tex = text.slice(4).trim();
    if (!tex) problems.push({ message: "`tex:` needs a formula after it: [[tex: 28w - 68]]", offset: at });
    return tex ? { kind: "formula", tex } : undefined;
  }
  if (text.startsWith("${")) {
    const end = findExpressionEnd(text, 2);
    const source = text.slice(2, end);
    if (!source.trim()) {
      problems.push({ message: "`${}` in a blank needs an expression: [[${w1}]]", offset: at });
      return undefined;
    }
    const rest = text.slice(end + 1).trim();
    const answer: BlankAnswer = { kind: "live", source, offset: at + 2 };
    if (!rest) return answer;
    const tolerance = readTolerance(rest, at + text.indexOf(rest, end + 1), problems);
    return tolerance ? { ...answer, tolerance } : undefined;
  }
  const number = NUMBER_ANSWER.exec(text);
  if (number) {
    const value = readNumber(number[1]);
    if (number[2] === undefined) return { kind: "number", value };
    const tolerance = { value: Math.abs(readNumber(number[2])) / (number[3] ? 100 : 1), relative: Boolean(number[3]) };
    return { kind: "number", value, tolerance };
  }
  if (/(±|\+-)/.test(text) && new RegExp(`^${NUMBER}`).test(text)) {
    problems.push({ message: `the tolerance in "${text}" must be a number after ± (e.g. 3.4 ± 0.01, or 3.4 ± 1%)`, offset: at });
    return undefined;
  }
  return { kind: "text", text: text.replace(/\\([|;\]"\\])/g, "$1") };
}

function readTolerance(text: string, offset: number, problems: ParsedBlank["problems"]): Tolerance | undefined {
  const match = new RegExp(String.raw`^(?:±|\+-)\s*(${NUMBER})\s*(%)?$`).exec(text);
  if (!match) {
    problems.push({ message: `unexpected "${text}" after a live answer: only a tolerance may follow it (± 0.01, or ± 1%)`, offset });
    return undefined;
  }
  return { value: Math.abs(readNumber(match[1])) / (match[2] ? 100 : 1), relative: Boolean(match[2]) };
}

function readFeedback(raw: string, offset: number, problems: ParsedBlank["problems"]): BlankFeedback | undefined {
  const match = /^([^]*?):\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(raw);
  const lead = raw.length - raw.trimStart().length;
  if (!match || !match[1].trim()) {
    problems.push({ message: 'feedback in a blank is `wrong answer: "message"` (or `*: "message"` for any other wrong answer)', offset: offset + lead });
    return undefined;
  }
  const message = match[2].replace(/\\(.)/g, "$1");
  if (match[1].trim() === "*") return { match: null, message };
  const answer = readAnswer(match[1], offset, problems);
  return answer ? { match: answer, message } : undefined;
}

function readNumber(text: string): number {
  return Number(text.replace("−", "-"));
}

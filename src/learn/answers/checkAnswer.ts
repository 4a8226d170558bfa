// Checks a reader's answer to a blank against what the blank accepts: numbers within their
// tolerance, words ignoring case and spacing, live values as the page computed them, formulas at
// seeded points. The page and `lesson verify` call the same function, so a verdict a record claims
// can be recomputed.

import type { Blank, BlankAnswer } from "../../compile/types.ts";

/** What checking needs besides the blank and the response. */
export interface CheckContext {
  /** The values of the blank's live answers, by cell id (what the page showed, or verify recomputed). */
  live?: Record<string, unknown>;
  /** Compares two formulas (src/math/formula.ts' compareFormulas; loaded only for formula blanks). */
  compareFormulas?: (expected: string, given: string) => { same: boolean; reason?: string };
}

/** A verdict on one answer. */
export interface Verdict {
  right: boolean;
  /** The author's message for this wrong answer, if any. */
  feedback?: string;
  /** Why it could not be checked, or why a formula differs. */
  reason?: string;
}

/** Checks `response` against `blank`; never throws. */
export function checkAnswer(blank: Blank, response: string, context: CheckContext = {}): Verdict {
  const text = response.trim();
  if (!text) return { right: false, reason: "empty" };
  let reason: string | undefined;
  for (const answer of blank.answers) {
    const match = matchAnswer(answer, text, context);
    if (match.matches) return { right: true };
    reason ??= match.reason;
  }
  const feedback = blank.feedback.find((f) => f.match === null || matchAnswer(f.match, text, context).matches)?.message;
  return { right: false, ...(feedback ? { feedback } : {}), ...(reason ? { reason } : {}) };
}

/** Reads a number as a reader types it: `3.4`, `-68`, `−68` (a Unicode minus), `1e-3`, `1 000`. */
export function readNumber(text: string): number | undefined {
  const plain = text.replace(/[\s\u00a0\u2009\u202f]/g, "").replace(/^[−–]/, "-");
  return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(plain) ? Number(plain) : undefined;
}

function matchAnswer(answer: BlankAnswer, text: string, context: CheckContext): { matches: boolean; reason?: string } {
  switch (answer.kind) {
    case "number":
      return { matches: isClose(readNumber(text), answer.value, answer.tolerance) };
    case "text":
      return { matches: normalize(text) === normalize(answer.text) };
    case "live": {
      const value = answer.cell !== undefined ? context.live?.[answer.cell] : undefined;
      if (typeof value === "number") return { matches: isClose(readNumber(text), value, answer.tolerance) };
      if (typeof value === "string" || typeof value === "boolean") return { matches: normalize(text) === normalize(String(value)) };
      return { matches: false, reason: "the answer is not computed yet" };
    }
    case "formula": {
      if (!context.compareFormulas) return { matches: false, reason: "formulas cannot be compared here" };
      const compared = context.compareFormulas(answer.tex, text);
      return { matches: compared.same, ...(compared.reason ? { reason: compared.reason } : {}) };
    }
  }
}

function isClose(given: number | undefined, expected: number, tolerance?: { value: number; relative: boolean }): boolean {
  if (given === undefined || !Number.isFinite(expected)) return false;
  const allowed = tolerance ? (tolerance.relative ? tolerance.value * Math.abs(expected) : tolerance.value) : 0;
  // A hair of slack for decimal fractions that binary floating point cannot hold exactly.
  return Math.abs(given - expected) <= allowed + 1e-9 * Math.max(1, Math.abs(expected));
}

function normalize(text: string): string {
  return text.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

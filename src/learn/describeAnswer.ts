// A blank's answer as the page shows it beside the reader's guess, or when it is revealed.

import type { Blank } from "../compile/types.ts";

/** The first accepted answer as text (`3.4 ± 0.01`, `Paris`, the live value the page computed). */
export function describeAnswer(blank: Blank, live: Record<string, unknown>): string {
  const answer = blank.answers[0];
  if (!answer) return "";
  const tolerance = "tolerance" in answer && answer.tolerance ? ` ± ${answer.tolerance.relative ? `${+(answer.tolerance.value * 100).toPrecision(6)}%` : answer.tolerance.value}` : "";
  switch (answer.kind) {
    case "number":
      return `${answer.value}${tolerance}`;
    case "text":
      return answer.text;
    case "formula":
      return answer.tex;
    case "live": {
      const value = answer.cell ? live[answer.cell] : undefined;
      return value === undefined ? "…" : `${typeof value === "number" ? +value.toPrecision(10) : String(value)}${tolerance}`;
    }
  }
}

// The values of a blank's live answers, as the page computed them: each is an inline cell whose
// (hidden) output the runtime fills with the value as text (numbers in full, by String()).

import type { Blank } from "../compile/types.ts";

/** The live answers' values by cell id; a cell not yet fulfilled is left out. */
export function readLiveAnswers(blank: Blank, root: ParentNode): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const answer of blank.answers) {
    if (answer.kind !== "live" || !answer.cell) continue;
    const output = root.querySelector<HTMLElement>(`.blank-truth[data-cell="${answer.cell}"]`);
    if (output?.dataset.status !== "fulfilled") continue;
    const text = output.textContent ?? "";
    const number = Number(text);
    values[answer.cell] = text.trim() !== "" && !Number.isNaN(number) ? number : text;
  }
  return values;
}

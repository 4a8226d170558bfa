// Every state the page shows is derived from the log, never stored beside it: one item's entries,
// in order, summarised.

import type { Entry } from "./entry.ts";

/** What the log says of one item. */
export interface ItemState {
  kind: string;
  id: string;
  /** Answers and attempts (`answered`, `attempted`, `passed`, `failed`), in order. */
  attempts: number;
  /** True once any answer or attempt succeeded (`success: true`, or `passed`). */
  right: boolean;
  /** True when the first answer or attempt succeeded. */
  rightFirstTry: boolean;
  /** The latest answer or attempt's response and success. */
  lastResponse?: string;
  lastSuccess?: boolean;
  /** The response of the first success (the code that passed, the right answer). */
  rightResponse?: string;
  /** True when the learner skipped the item (and was shown what it hid). */
  skipped: boolean;
  /** True when the learner reached it (`experienced` or `progressed`). */
  reached: boolean;
  /** Hints asked for. */
  hints: number;
  solutionShown: boolean;
  /** The item's entries, oldest first. */
  entries: readonly Entry[];
}

const ATTEMPTS = new Set(["answered", "attempted", "passed", "failed"]);

/** Summarises `entries` (all of one item, oldest first). */
export function deriveItem(kind: string, id: string, entries: readonly Entry[]): ItemState {
  const state: ItemState = { kind, id, attempts: 0, right: false, rightFirstTry: false, skipped: false, reached: false, hints: 0, solutionShown: false, entries };
  for (const entry of entries) {
    if (ATTEMPTS.has(entry.verb)) {
      const success = entry.verb === "passed" ? true : entry.verb === "failed" ? false : entry.result?.success;
      state.attempts++;
      state.lastResponse = entry.result?.response;
      state.lastSuccess = success;
      if (success === true && !state.right) {
        state.right = true;
        state.rightFirstTry = state.attempts === 1;
        state.rightResponse = entry.result?.response;
      }
    } else if (entry.verb === "skipped") state.skipped = true;
    else if (entry.verb === "experienced" || entry.verb === "progressed" || entry.verb === "completed") state.reached = true;
    else if (entry.verb === "asked-for-hint") state.hints++;
    else if (entry.verb === "showed-solution") state.solutionShown = true;
  }
  return state;
}

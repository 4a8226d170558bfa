// Problems shown in place under a cell's editor, and what they came from.

import type { Slot } from "./editorState.ts";

/**
 * Shows `list` under the cell (an empty list clears it). An edit that did not build keeps its
 * problems until the next run; a run's error goes once the cell computes again without one.
 */
export function showProblems(slot: Slot, kind: Slot["problems"], list: string[]): void {
  slot.problems = list.length > 0 ? kind : undefined;
  slot.view.showProblems(list);
}

/** The status of an edit that ran and failed: its error is shown once, in the cell's output below. */
export const RAN_WITH_ERROR = "Ran with an error (shown in the output below).";

// The kinds of items a lesson's record knows, each with its weight in the lesson's progress and
// the rule that says when it is done. Built in: sections, blanks, predictions, guesses; more are
// registered by the code that adds them (exercises: `registerKind("exercise", …)`).

import type { ItemState } from "./deriveItem.ts";

/** What the record needs to know of an item kind. */
export interface ItemKind {
  /** Its weight in the lesson's progress (a section 1, a blank 1…). */
  weight: number;
  /** True when the item counts as done for progress. */
  isDone(state: ItemState): boolean;
  /** The state the page shows (`data-state`), derived from the log. */
  describe(state: ItemState): string;
}

/** A blank: `empty`, `wrong` (answered, never right), `right`, or `revealed` (skipped). */
const blank: ItemKind = {
  weight: 1,
  isDone: (s) => s.right || s.skipped,
  describe: (s) => (s.right ? "right" : s.skipped ? "revealed" : s.attempts ? "wrong" : "empty"),
};

/** A prediction: `open`, `answered` (every blank and guess in its question answered) or `skipped`. */
const predict: ItemKind = {
  weight: 1,
  isDone: (s) => s.attempts > 0 || s.skipped,
  describe: (s) => (s.attempts > 0 ? "answered" : s.skipped ? "skipped" : "open"),
};

/** A section: `reached` once the learner scrolled to its heading. */
const section: ItemKind = {
  weight: 1,
  isDone: (s) => s.reached,
  describe: (s) => (s.reached ? "reached" : "unread"),
};

/** A guess on a figure: `empty` or `placed`. */
const guess: ItemKind = {
  weight: 1,
  isDone: (s) => s.attempts > 0,
  describe: (s) => (s.attempts > 0 ? "placed" : "empty"),
};

const kinds = new Map<string, ItemKind>([
  ["blank", blank],
  ["predict", predict],
  ["section", section],
  ["guess", guess],
]);

/** Adds (or replaces) an item kind; call before the page shows progress. */
export function registerKind(name: string, kind: ItemKind): void {
  kinds.set(name, kind);
}

/** The kind registered as `name`, if any. */
export function findKind(name: string): ItemKind | undefined {
  return kinds.get(name);
}

/** An item of the current lesson, as the compiled lesson lists them. */
export interface ItemRef {
  kind: string;
  id: string;
}

/** Progress over the lesson's `items`: the done items' weight over all items' weight (0 when none). */
export function measureProgress(items: readonly ItemRef[], stateOf: (item: ItemRef) => ItemState): { done: number; total: number; fraction: number } {
  let done = 0;
  let total = 0;
  for (const item of items) {
    const kind = kinds.get(item.kind);
    if (!kind) continue;
    total += kind.weight;
    if (kind.isDone(stateOf(item))) done += kind.weight;
  }
  return { done, total, fraction: total > 0 ? done / total : 0 };
}

// The words beside the progress meter: how many items of each kind are done. The page's bar and the
// page HTML the site renders before any script runs (no record yet: nothing done) say it alike.

import type { ItemRef } from "./record/index.ts";

const kinds = [
  ["blank", "blanks right"],
  ["predict", "predictions"],
  ["section", "sections reached"],
] as const;

/** "1/5 blanks right, 0/2 predictions, 3/17 sections reached", for the kinds the lesson has. */
export function summarizeProgress(items: readonly ItemRef[], isDone: (item: ItemRef) => boolean): string {
  return kinds
    .map(([kind, what]) => {
      const ofKind = items.filter((item) => item.kind === kind);
      return ofKind.length ? `${ofKind.filter(isDone).length}/${ofKind.length} ${what}` : "";
    })
    .filter(Boolean)
    .join(", ");
}

// The items of a lesson that count for its progress, as the compiler lists them: its blanks, its
// predictions and its sections. The lesson page and the index measure progress over the same list.
// (A guess on a figure counts through its prediction: the compiler cannot see inside cells.)

import type { LessonLearning } from "../compile/types.ts";
import type { ItemRef } from "./record/index.ts";

/** The lesson's items that count for progress. */
export function learningItems(learning: Pick<LessonLearning, "blanks" | "predictions" | "sections">): ItemRef[] {
  return [
    ...learning.blanks.map((blank) => ({ kind: "blank", id: blank.id })),
    ...learning.predictions.map((prediction) => ({ kind: "predict", id: prediction.id })),
    ...learning.sections.map((section) => ({ kind: "section", id: section.id })),
  ];
}

// What the page's learning pieces share: the lesson's learning data, its record, the page's API.

import type { LessonLearning } from "../compile/types.ts";
import type { LessonApi } from "../runtime/types.ts";
import type { LearningRecord } from "./record/index.ts";

/** The state one lesson page's learning controller shares with its pieces. */
export interface LearningContext {
  root: HTMLElement;
  learning: LessonLearning;
  record: LearningRecord;
  api: Pick<LessonApi, "value">;
  /** The names of the lesson's inputs (what live answers depend on). */
  inputs: string[];
}

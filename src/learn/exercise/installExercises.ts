// The exercises of a lesson page: binds each one, keeps their states in step with the learning
// record, keeps each exercise's variant and the `exercises` builtin (publishExercises.ts) and adds
// `exercises()` to `window.lesson`.
// The page module hands it to startPage (the runtime does not import src/learn/).

import type { LessonHandle } from "../../runtime/types.ts";
import { createRecord, registerKind, type LearningRecord } from "../record/index.ts";
import { bindExercise, type BoundExercise, type ExerciseContext } from "./bindExercise.ts";
import type { ExerciseSummary, PageExercise } from "./pageExercise.ts";
import { createPublisher } from "./publishExercises.ts";
import { hashString } from "../../contract/hashString.ts";

/** What installExercises needs besides the mounted lesson. */
export interface ExerciseOptions {
  exercises: PageExercise[];
  /** The lesson's file in its lessons folder (the record's key) and title. */
  file: string;
  title: string;
  root?: HTMLElement;
  /** The page's learning record; one is opened for the lesson when none is given. */
  record?: LearningRecord;
  /** The editors' run: Check runs what the student typed first. */
  runEdit?: (cell: string) => Promise<boolean>;
  /** Asks before showing a solution (window.confirm by default). */
  confirm?: (question: string) => boolean;
}

/** The installed exercises of a page. */
export interface PageExercises {
  record: LearningRecord;
  exercises(): ExerciseSummary[];
  destroy(): void;
}

// An exercise counts three times a blank in the lesson's progress: it is the most work.
registerKind("exercise", {
  weight: 3,
  isDone: (s) => s.right,
  describe: (s) => (s.right ? "passed" : s.attempts ? "failed" : "unattempted"),
});

/** Binds every exercise of the page to the record. */
export function installExercises(handle: LessonHandle, options: ExerciseOptions): PageExercises {
  const root = options.root ?? document.getElementById("lesson") ?? document.body;
  const doc = root.ownerDocument;
  const activity = (doc.location?.href ?? "http://localhost/").replace(/[?#].*$/, "");
  const record = options.record ?? createRecord({ lesson: { file: options.file, title: options.title, version: versionOf(options.exercises), activity } });
  const publisher = createPublisher(handle, options.exercises, record);
  const context: ExerciseContext = {
    handle,
    record,
    runEdit: options.runEdit,
    confirm: options.confirm ?? ((question) => doc.defaultView?.confirm(question) ?? false),
    seeds: {
      current: publisher.seedOf,
      async set(id, seed) {
        // Recorded, so the variant survives a reload; the record's subscription publishes it.
        record.record("exercise", id, "progressed", { context: { seed } });
        await publisher.settled();
      },
    },
  };
  const bound: BoundExercise[] = options.exercises.flatMap((exercise) => bindExercise(root, context, exercise) ?? []);
  const unsubscribe = record.subscribe(() => {
    for (const exercise of bound) exercise.refresh();
    publisher.publish();
  });
  const exercises = () => bound.map((exercise) => exercise.summary());
  (handle.api as { exercises?: () => ExerciseSummary[] }).exercises = exercises;
  publisher.publish();
  return {
    record,
    exercises,
    destroy() {
      unsubscribe();
      for (const exercise of bound) exercise.destroy();
    },
  };
}

/**
 * A version for the record when the page has no learning record of its own to share: a hash of the
 * exercises' ids and starter cells, so entries name what the student worked on.
 */
function versionOf(exercises: readonly PageExercise[]): string {
  // Unpadded, as versions were written before the hash moved to contract/ (records keep matching).
  return `x${hashString(JSON.stringify(exercises.map((e) => [e.id, e.cell]))).replace(/^0+(?=.)/, "")}`;
}

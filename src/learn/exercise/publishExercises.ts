// What the page's cells see of its exercises: each exercise's own `seed` (the variable its starter
// reads, `seed <id>`) and the `exercises` builtin ({state, seed, counterexample} by id), redefined
// through `window.lesson.set` whenever the record or a counterexample changes. The variant is
// derived from the record (the latest entry that names one), so it survives a reload.

import type { LearningRecord } from "../record/index.ts";
import type { LessonHandle } from "../../runtime/types.ts";
import type { Counterexample, ExerciseStatus, PageExercise } from "./pageExercise.ts";

const seedsByHandle = new WeakMap<LessonHandle, Map<string, number>>();

/** The publisher of one page's exercises. */
export interface ExercisePublisher {
  /** The exercise's variant now: the latest recorded one the build fixed, else the first fixed seed. */
  seedOf(id: string): number;
  /** Schedules the page's values to follow the record and the counterexamples. */
  publish(): void;
  /** Resolves once every scheduled publication has reached the page. */
  settled(): Promise<void>;
}

/** Creates the publisher; nothing reaches the page until the first publish(). */
export function createPublisher(handle: LessonHandle, exercises: readonly PageExercise[], record: LearningRecord, counterexamples: ReadonlyMap<string, Counterexample | null>): ExercisePublisher {
  // The starters' `seed <id>` variables read 1 until set (src/runtime/defineCell.ts); kept per
  // handle, as a hot update installs the exercises again on the same runtime.
  let publishedSeeds = seedsByHandle.get(handle);
  if (!publishedSeeds) seedsByHandle.set(handle, (publishedSeeds = new Map()));
  let last = "";
  let queue = Promise.resolve();

  const seedOf = (id: string): number => {
    const exercise = exercises.find((e) => e.id === id);
    const fixed = exercise?.fingerprint?.variants.map((v) => v.seed) ?? [];
    const entries = record.item("exercise", id).entries;
    for (let i = entries.length - 1; i >= 0; i--) {
      const seed = entries[i]!.context?.seed;
      if (typeof seed === "number" && fixed.includes(seed)) return seed;
    }
    return fixed[0] ?? 1;
  };

  const status = (exercise: PageExercise): ExerciseStatus => {
    const state = record.item("exercise", exercise.id);
    return {
      state: state.right ? "passed" : state.attempts ? "failed" : "unattempted",
      seed: seedOf(exercise.id),
      counterexample: counterexamples.get(exercise.id) ?? null,
    };
  };

  // Serialised: each set waits for the page to settle, and a later value must land last.
  const send = async () => {
    for (const exercise of exercises) {
      const seed = seedOf(exercise.id);
      if ((publishedSeeds.get(exercise.id) ?? 1) === seed) continue;
      publishedSeeds.set(exercise.id, seed);
      await handle.api.set(`seed ${exercise.id}`, seed);
    }
    const value = Object.fromEntries(exercises.map((exercise) => [exercise.id, status(exercise)]));
    const text = JSON.stringify(value);
    if (text === last) return;
    last = text;
    await handle.api.set("exercises", value);
  };

  return {
    seedOf,
    publish() {
      queue = queue.then(send, send);
    },
    settled: () => queue,
  };
}

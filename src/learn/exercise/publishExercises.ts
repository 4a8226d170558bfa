// What the page's cells see of its exercises: each exercise's own `seed` (the variable its starter
// reads, `seed <id>`) and the `exercises` builtin ({state, seed, counterexample} by id), redefined
// through `window.lesson.set` whenever the record changes. The variant and the counterexample are
// derived from the record (the latest entry that names a variant; the failing probe of the latest
// Check, unless a pass, another failure or a new variant came after it), so both survive a reload
// and go with "Reset my progress".

import type { LearningRecord } from "../record/index.ts";
import { isPlainObject } from "../../store/envelope.ts";
import type { LessonHandle } from "../../runtime/types.ts";
import type { Counterexample, ExerciseStatus, PageExercise } from "./pageExercise.ts";

/** The entries that end what an earlier Check showed: a Check's outcome, or a new variant. */
const OUTCOMES = new Set(["failed", "passed", "progressed"]);

/** True for a counterexample as bindExercise records it (the record comes from storage: checked, not trusted). */
function isCounterexample(value: unknown): value is Counterexample {
  if (!isPlainObject(value)) return false;
  const { probe, source, args } = value as Record<string, unknown>;
  return Number.isInteger(probe) && (probe as number) >= 0 && typeof source === "string" && (args === null || Array.isArray(args)) && "actual" in value;
}

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
export function createPublisher(handle: LessonHandle, exercises: readonly PageExercise[], record: LearningRecord): ExercisePublisher {
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

  const counterexampleOf = (id: string): Counterexample | null => {
    const entries = record.item("exercise", id).entries;
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i]!;
      if (!OUTCOMES.has(entry.verb)) continue;
      const found = entry.verb === "failed" ? entry.context?.counterexample : undefined;
      // A counterexample of another variant's numbers would mark the wrong place.
      return isCounterexample(found) && entry.context?.seed === seedOf(id) ? found : null;
    }
    return null;
  };

  const status = (exercise: PageExercise): ExerciseStatus => {
    const state = record.item("exercise", exercise.id);
    return {
      state: state.right ? "passed" : state.attempts ? "failed" : "unattempted",
      seed: seedOf(exercise.id),
      counterexample: counterexampleOf(exercise.id),
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

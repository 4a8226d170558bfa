// `lesson verify`'s part for exercises: a record that says an exercise passed carries the code
// that passed (each attempt's response); that code is run again in the exercise's cell with the
// Node runner, the check evaluated at the recorded variant and compared with the fingerprint
// computed from the author's solution (check/runExercises.ts). A record edited to claim a pass
// its code does not earn fails, naming the exercise.

import { resolve } from "node:path";
import { runExercises, verifyExerciseCode, type ExerciseRunOptions } from "../check/runExercises.ts";
import type { Lesson } from "../compile/types.ts";
import type { ExerciseFingerprint } from "../contract/exercise.ts";
import type { ItemVerifier } from "./verifyRecord.ts";

/**
 * The verifier of `exercise` items (register it with `registerItemVerifier("exercise", …)`). The
 * fingerprints are computed once per lesson; `options` go to the runner (its file and path
 * default to the lesson's).
 */
export function createExerciseVerifier(options: ExerciseRunOptions = {}): ItemVerifier {
  const fingerprints = new WeakMap<Lesson, Promise<Map<string, ExerciseFingerprint | null>>>();
  const runOptions = (lesson: Lesson): ExerciseRunOptions => ({ file: lesson.file, path: resolve(lesson.file), ...options });
  const fingerprintsOf = (lesson: Lesson) => {
    let found = fingerprints.get(lesson);
    if (!found) {
      found = runExercises(lesson, runOptions(lesson)).then((report) => new Map([...report.fingerprints].map(([id, outcome]) => [id, outcome.fingerprint])));
      fingerprints.set(lesson, found);
    }
    return found;
  };

  return async ({ id, entries, lesson }) => {
    const exercise = lesson.exercises.find((e) => e.id === id);
    if (!exercise) return { holds: false, message: "the lesson has no such exercise (another version?): its claims cannot be checked" };
    const at = { line: exercise.line };
    const attempts = entries.filter((e) => e.verb === "passed" || e.verb === "failed");
    const passes = attempts.filter((e) => e.verb === "passed");
    const hints = entries.filter((e) => e.verb === "asked-for-hint").length;
    const shown = entries.some((e) => e.verb === "showed-solution");
    const extras = `${hints ? `, ${hints} hint(s)` : ""}${shown ? ", solution shown" : ""}`;
    if (!passes.length) return { ...at, holds: null, message: `not passed (${attempts.length} attempt(s)${extras}): nothing to re-run` };
    const fingerprint = (await fingerprintsOf(lesson)).get(id);
    if (!fingerprint) return { ...at, holds: false, message: "recorded as passed, but the exercise's answers could not be computed from its solution: not verified" };
    for (const entry of passes) {
      const n = attempts.indexOf(entry) + 1;
      const code = entry.result?.response;
      if (typeof code !== "string" || entry.result?.success !== true) return { ...at, holds: false, message: `attempt ${n} is recorded as passed but carries no code or no success` };
      const seed = entry.context?.seed ?? 1;
      if (typeof seed !== "number" || !Number.isInteger(seed)) return { ...at, holds: false, message: `attempt ${n} is recorded as passed with an unreadable variant (seed ${JSON.stringify(seed)})` };
      const verdict = await verifyExerciseCode(lesson, id, code, { ...runOptions(lesson), seed, fingerprint });
      if (!verdict.passed) return { ...at, holds: false, message: `attempt ${n} is recorded as passed, but its code does not pass the check: ${verdict.reason}` };
    }
    return { ...at, holds: true, message: `passed (attempt ${attempts.indexOf(passes[0]) + 1} of ${attempts.length}${extras}; the code re-run passes the check)` };
  };
}

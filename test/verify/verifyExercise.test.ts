// lesson verify's part for exercises: a record's passed exercise is re-run with the Node runner
// (the code it carries, in the exercise's cell, against the check), so a record edited to claim a
// pass fails, naming the exercise.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileLesson } from "../../src/compile/index.ts";
import { createRecord, type RecordDocument } from "../../src/learn/record/index.ts";
import { createExerciseVerifier } from "../../src/verify/verifyExercise.ts";
import { registerItemVerifier, verifyRecord } from "../../src/verify/verifyRecord.ts";

const file = "test/fixtures/check/exercises/mistakes.md";
const lesson = compileLesson(readFileSync(file, "utf8"), { file });

/** A record of `lesson` in which `act` happened, as the page would download it. */
function makeRecord(act: (record: ReturnType<typeof createRecord>) => void): RecordDocument {
  let id = 0;
  let time = Date.UTC(2025, 0, 1);
  const record = createRecord({
    lesson: { file: lesson.file, title: lesson.title, version: lesson.learning.version, activity: "http://localhost/mistakes.html" },
    storage: null,
    scope: "/",
    now: () => new Date((time += 1000)),
    newId: () => `id-${++id}`,
  });
  act(record);
  return JSON.parse(JSON.stringify(record.document()));
}

const attempt = (code: string, success: boolean) => ({ result: { success, response: code }, context: { seed: 1 } });

describe("verifyRecord with exercises", { timeout: 600_000 }, () => {
  registerItemVerifier("exercise", createExerciseVerifier());

  it("re-runs a passed exercise's code: an honest pass holds, a tampered one fails naming the exercise", async () => {
    const line = lesson.exercises.find((e) => e.id === "twice")?.line;
    expect(line).toBeGreaterThan(0);
    const honest = makeRecord((r) => {
      r.record("exercise", "twice", "failed", attempt("const twice = (x: number): number => x + 1;", false));
      r.record("exercise", "twice", "asked-for-hint", { context: { hint: 1 } });
      r.record("exercise", "twice", "passed", attempt("const twice = (x: number): number => 2 * x;", true));
    });
    const good = await verifyRecord(honest, [lesson]);
    expect(good.verdicts).toEqual([{ kind: "exercise", id: "twice", line, holds: true, message: "passed (attempt 2 of 2, 1 hint(s); the code re-run passes the check)" }]);
    expect(good.ok).toBe(true);

    // The same record with the failing attempt's code claimed as a pass.
    const tampered = makeRecord((r) => r.record("exercise", "twice", "passed", attempt("const twice = (x: number): number => x + 1;", true)));
    const bad = await verifyRecord(tampered, [lesson]);
    expect(bad.ok).toBe(false);
    expect(bad.verdicts).toEqual([
      { kind: "exercise", id: "twice", line, holds: false, message: "attempt 1 is recorded as passed, but its code does not pass the check: twice(5) does not match" },
    ]);
  });

  it("has nothing to re-run for an exercise not passed, and refuses one the lesson does not have", async () => {
    const record = makeRecord((r) => {
      r.record("exercise", "twice", "failed", attempt("const twice = (x: number): number => x;", false));
      r.record("exercise", "nosuch", "passed", attempt("const nosuch = 1;", true));
    });
    const result = await verifyRecord(record, [lesson]);
    expect(result.verdicts.map((v) => [v.id, v.holds, v.message])).toEqual([
      ["twice", null, "not passed (1 attempt(s)): nothing to re-run"],
      ["nosuch", false, "the lesson has no such exercise (another version?): its claims cannot be checked"],
    ]);
    expect(result.ok).toBe(false);
  });
});

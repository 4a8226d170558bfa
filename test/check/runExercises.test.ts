// lesson check's exercise checks, with the Node runner: a wrong solution, a starter that already
// passes and a check that is not deterministic are each reported at their fence.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { compileLesson } from "../../src/compile/index.ts";
import { runExercises, verifyExerciseCode } from "../../src/check/runExercises.ts";
import { findFirstMismatch } from "../../src/contract/exercise.ts";

const file = "test/fixtures/check/exercises/mistakes.md";
const lesson = compileLesson(readFileSync(file, "utf8"), { file });

describe("runExercises", { timeout: 600_000 }, () => {
  it("reports a wrong solution, a starter that already passes and a non-deterministic check, and fingerprints the rest", async () => {
    expect(lesson.diagnostics).toEqual([]);
    const report = await runExercises(lesson, { verify: true, path: resolve(file), file });
    const found = report.diagnostics.map((d) => `${d.line} ${d.severity} ${d.code} ${d.message}`);
    expect(found).toEqual([
      "13 error exercise-solution the solution does not pass its own check: half(4) * 2 === 4 is false",
      "23 warning exercise-starter the starter already passes exercise \"twice\": the student has nothing to do",
      expect.stringMatching(/^45 error exercise-check the check is not deterministic: noisy\(1\) gave [\d.]+, then [\d.]+/),
    ]);
    expect(report.fingerprints.get("half")).toEqual({ fingerprint: null, unavailable: "its solution does not pass its own check" });
    const twice = report.fingerprints.get("twice")?.fingerprint;
    expect(twice).toEqual({ variants: [{ seed: 1, expected: [{ value: 2 }, { value: 10 }] }] });
    expect(await findFirstMismatch("twice", twice!.variants[0]!, [2, 11], 1e-6)).toBe(1);

    // lesson verify's part: a record's code re-run against the check and the fingerprint.
    const options = { path: resolve(file), file, fingerprint: twice! };
    expect(await verifyExerciseCode(lesson, "twice", "const twice = (x: number): number => 2 * x;", options)).toEqual({ passed: true });
    expect(await verifyExerciseCode(lesson, "twice", "const twice = (x: number): number => x + 1;", options)).toEqual({ passed: false, reason: "twice(5) does not match" });
  });
});

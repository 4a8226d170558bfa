import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileLesson, type Lesson } from "../../src/compile/index.ts";
import { createRecord, extensions, type RecordDocument } from "../../src/learn/record/index.ts";
import { registerItemVerifier, verifyRecord } from "../../src/verify/verifyRecord.ts";

const source = readFileSync(new URL("../fixtures/learning.md", import.meta.url), "utf8");
const lesson = compileLesson(source, { file: "learning.md" });
const blankOf = (text: string) => {
  const found = lesson.learning.blanks.find((b) => b.source.trim() === text);
  if (!found) throw new Error(`test/fixtures/learning.md has no blank [[${text}]]`);
  return found;
};

/** A record of `lesson` made by `act`, as the page would download it. */
function makeRecord(act: (record: ReturnType<typeof createRecord>) => void, of: Lesson = lesson): RecordDocument {
  let id = 0;
  let time = Date.UTC(2025, 0, 1);
  const record = createRecord({
    lesson: { file: of.file, title: of.title, version: of.learning.version, activity: "http://localhost/learning.html" },
    storage: null,
    scope: "/",
    now: () => new Date((time += 1000)),
    newId: () => `id-${++id}`,
  });
  act(record);
  return JSON.parse(JSON.stringify(record.document()));
}

describe("verifyRecord", () => {
  const feedback = blankOf('3.4 ; 0.34: "that is α·|grad|/10 — check the step" ; *: "Start from w = 0."');
  const prediction = lesson.learning.predictions[0];
  const honest = makeRecord((r) => {
    r.record("blank", feedback.id, "answered", { result: { response: "0.34", success: false } });
    r.record("blank", feedback.id, "answered", { result: { response: "3.4", success: true } });
    r.record("blank", prediction.blanks[0], "answered", { result: { response: "3.41", success: true } });
    r.record("predict", prediction.id, "answered", { result: { completion: true } });
    r.record("section", lesson.learning.sections[0].id, "experienced");
  });

  it("accepts an honest record, one verdict per item", async () => {
    const result = await verifyRecord(honest, [lesson]);
    expect(result.notes).toEqual([]);
    expect(result.verdicts.map((v) => [v.kind, v.holds])).toEqual([
      ["section", null],
      ["blank", true],
      ["predict", true],
      ["blank", true],
    ]);
    expect(result.verdicts.find((v) => v.id === feedback.id)?.message).toBe('right ("3.4", after 1 wrong)');
    expect(result.ok).toBe(true);
  });

  it("rejects a record that claims a wrong answer was right, naming the item", async () => {
    const tampered = structuredClone(honest);
    tampered.statements[0].result = { response: "0.34", success: true };
    const result = await verifyRecord(tampered, [lesson]);
    expect(result.ok).toBe(false);
    expect(result.verdicts.find((v) => v.holds === false)).toMatchObject({ kind: "blank", id: feedback.id, line: feedback.line, message: 'answer 1 "0.34" is recorded as right, but it is wrong' });
  });

  it("rejects a prediction recorded as answered before its blank was", async () => {
    const early = makeRecord((r) => {
      r.record("predict", prediction.id, "answered", { result: { completion: true } });
      r.record("blank", prediction.blanks[0], "answered", { result: { response: "3.4", success: true } });
    });
    const result = await verifyRecord(early, [lesson]);
    expect(result.ok).toBe(false);
    expect(result.verdicts.find((v) => v.kind === "predict")?.message).toContain(`${prediction.blanks[0]} have no answer before it`);
  });

  it("checks formulas at seeded points", async () => {
    const tex = blankOf("tex: 28w - 68");
    const ok = await verifyRecord(makeRecord((r) => r.record("blank", tex.id, "answered", { result: { response: "4(7w - 17)", success: true } })), [lesson]);
    expect(ok.ok).toBe(true);
    const forged = await verifyRecord(makeRecord((r) => r.record("blank", tex.id, "answered", { result: { response: "28w + 68", success: true } })), [lesson]);
    expect(forged.ok).toBe(false);
  });

  it("does not take a live answer on the record's word: without a lesson runner it is not verified", async () => {
    const live = lesson.learning.blanks.find((b) => b.answers.some((a) => a.kind === "live"))!;
    const record = makeRecord((r) =>
      r.record("blank", live.id, "answered", { result: { response: "-68", success: true }, context: { [extensions.inputs]: { w: 0 }, [extensions.expected]: { x: -68 } } }),
    );
    const without = await verifyRecord(record, [lesson]);
    expect(without.ok).toBe(false);
    expect(without.verdicts[0].message).toContain("cannot be recomputed");
    const cell = live.answers[0].kind === "live" ? live.answers[0].cell! : "";
    const recomputed = await verifyRecord(record, [lesson], { computeLive: async (_l, inputs) => ({ [cell]: 28 * Number(inputs.w) - 68 }) });
    expect(recomputed.ok).toBe(true);
    const moved = await verifyRecord(record, [lesson], { computeLive: async () => ({ [cell]: 12 }) });
    expect(moved.ok).toBe(false);
  });

  it("says when the record was made on another version of the lesson", async () => {
    const edited = compileLesson(source.replace("Visible again.", "Visible again, edited."), { file: "learning.md" });
    const result = await verifyRecord(honest, [edited]);
    expect(result.notes[0].message).toMatch(/made on version \w+ of learning\.md; the lesson is now version \w+/);
    expect(result.ok).toBe(true);
  });

  it("fails, saying so, for a record of a lesson not given, an unreadable record, or a malformed statement", async () => {
    const other = compileLesson("# Other\n", { file: "other.md" });
    expect((await verifyRecord(honest, [other])).notes[0].message).toContain("is not among the lessons given");
    expect((await verifyRecord({ format: "nope" }, [lesson])).ok).toBe(false);
    const broken = structuredClone(honest) as unknown as { statements: unknown[] };
    broken.statements[1] = { verb: "made up" };
    const result = await verifyRecord(broken, [lesson]);
    expect(result.ok).toBe(false);
    expect(result.notes[0].message).toContain("statements[1]");
  });

  it("lets an item kind plug in its verifier", async () => {
    registerItemVerifier("exercise", ({ entries }) => ({ holds: entries.every((e) => e.result?.response === "good"), message: "re-ran" }));
    const record = makeRecord((r) => r.record("exercise", "ex1", "passed", { result: { response: "bad", success: true } }));
    const result = await verifyRecord(record, [lesson]);
    expect(result.verdicts).toEqual([{ kind: "exercise", id: "ex1", holds: false, message: "re-ran" }]);
  });
});

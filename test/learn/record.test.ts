import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createRecord,
  decodeRecord,
  encodeRecord,
  extensions,
  readRecordDocument,
  recordKey,
  registerKind,
  verbs,
  type RecordOptions,
} from "../../src/learn/record/index.ts";
import { backupKeyOf } from "../../src/store/durableStore.ts";
import { FakeStorage } from "../store/fakeStorage.ts";

const lesson = { file: "derivatives.md", title: "Derivatives", version: "v1abc", activity: "http://localhost/course/derivatives.html" };

/** A record on a fake storage with a fixed clock and numbered ids. */
function open(storage: FakeStorage | null = new FakeStorage(), options: Partial<RecordOptions> = {}) {
  let id = 0;
  let time = Date.UTC(2025, 0, 1);
  const notices: string[] = [];
  const record = createRecord({
    lesson,
    storage,
    scope: "/course/",
    now: () => new Date((time += 1000)),
    newId: () => `id-${++id}`,
    onNotice: (notice) => notices.push(notice),
    ...options,
  });
  return { record, notices };
}

describe("the learning record", () => {
  it("derives a blank's state from its answers", () => {
    const { record } = open();
    expect(record.describe("blank", "b1")).toBe("empty");
    record.record("blank", "b1", "answered", { result: { response: "3", success: false } });
    expect(record.describe("blank", "b1")).toBe("wrong");
    record.record("blank", "b1", "answered", { result: { response: "3.4", success: true } });
    expect(record.describe("blank", "b1")).toBe("right");
    expect(record.item("blank", "b1")).toMatchObject({ attempts: 2, right: true, rightFirstTry: false, rightResponse: "3.4" });
    record.record("blank", "b2", "skipped");
    expect(record.describe("blank", "b2")).toBe("revealed");
  });

  it("derives predictions, sections and exercises' hints", () => {
    const { record } = open();
    expect(record.describe("predict", "p")).toBe("open");
    record.record("predict", "p", "skipped");
    expect(record.describe("predict", "p")).toBe("skipped");
    record.record("predict", "q", "answered", { result: { response: "3.4" } });
    expect(record.describe("predict", "q")).toBe("answered");
    record.record("section", "station-1", "experienced");
    expect(record.describe("section", "station-1")).toBe("reached");
    record.record("exercise", "dLdw", "asked-for-hint");
    record.record("exercise", "dLdw", "failed", { result: { response: "return 0" } });
    record.record("exercise", "dLdw", "passed", { result: { response: "return 28 * w - 68" } });
    expect(record.item("exercise", "dLdw")).toMatchObject({ hints: 1, attempts: 2, right: true, rightResponse: "return 28 * w - 68" });
  });

  it("measures progress by each kind's weight, with kinds registered later", () => {
    const { record } = open();
    const items = [
      { kind: "section", id: "s1" },
      { kind: "blank", id: "b1" },
      { kind: "predict", id: "p1" },
      { kind: "exercise", id: "e1" },
    ];
    // Unknown kinds do not count until registered.
    expect(record.progress(items)).toEqual({ done: 0, total: 3, fraction: 0 });
    registerKind("exercise", { weight: 3, isDone: (s) => s.right, describe: (s) => (s.right ? "passed" : s.attempts ? "failed" : "unattempted") });
    record.record("section", "s1", "experienced");
    record.record("exercise", "e1", "passed", { result: { response: "code" } });
    expect(record.progress(items)).toEqual({ done: 4, total: 6, fraction: 4 / 6 });
    expect(record.describe("exercise", "e1")).toBe("passed");
  });

  it("tells subscribers of each entry and of a reset", () => {
    const { record } = open();
    const seen: (string | null)[] = [];
    const unsubscribe = record.subscribe((entry) => seen.push(entry ? `${entry.kind}/${entry.item} ${entry.verb}` : null));
    record.record("blank", "b1", "answered", { result: { response: "1", success: true } });
    record.reset();
    unsubscribe();
    record.record("blank", "b1", "answered");
    expect(seen).toEqual(["blank/b1 answered", null]);
    expect(record.entries()).toHaveLength(1);
  });

  it("survives a reload, and a reset forgets everything", () => {
    const storage = new FakeStorage();
    const first = open(storage).record;
    first.record("blank", "b1", "answered", { result: { response: "3.4", success: true }, context: { [extensions.inputs]: { w: 0, alpha: 0.05 } } });
    const again = open(storage).record;
    expect(again.entries()).toEqual(first.entries());
    expect(again.describe("blank", "b1")).toBe("right");
    again.reset();
    expect(open(storage).record.entries()).toEqual([]);
    expect(storage.getItem(recordKey("/course/", lesson.file))).toBeNull();
  });

  it("keys the record by the site's base path and the lesson", () => {
    const storage = new FakeStorage();
    open(storage).record.record("section", "s", "experienced");
    expect(open(storage, { scope: "/other-course/" }).record.entries()).toEqual([]);
    expect(open(storage, { lesson: { ...lesson, file: "other.md" } }).record.entries()).toEqual([]);
  });

  it("falls back to the previous copy when a write tears, and says so", () => {
    const storage = new FakeStorage();
    const { record } = open(storage);
    record.record("section", "s1", "experienced");
    record.record("section", "s2", "experienced");
    storage.failOnWrite = storage.writes + 2;
    storage.tear = true;
    record.record("section", "s3", "experienced");
    const reloaded = open(storage);
    expect(reloaded.record.entries().map((e) => e.item)).toEqual(["s1", "s2"]);
    expect(reloaded.notices).toEqual([expect.stringMatching(/earlier copy/)]);
  });

  it("keeps going in memory when storage is full or refused", () => {
    const storage = new FakeStorage();
    storage.failOnWrite = 2; // the learner id is write 1
    const { record, notices } = open(storage);
    record.record("section", "s1", "experienced");
    expect(notices).toEqual([expect.stringMatching(/storage is full/)]);
    expect(record.describe("section", "s1")).toBe("reached");
    const memory = open(null);
    memory.record.record("section", "s1", "experienced");
    expect(memory.notices).toEqual([]);
  });

  it("refuses what does not fit the schema when it comes back from storage", () => {
    const stored = { version: 1 as const, lesson: lesson.file, learner: "learner-1", entries: [] as never[] };
    const good = encodeRecord({ ...stored, entries: [{ id: "s1", verb: "answered", kind: "blank", item: "b1", at: "2025-01-01T00:00:00.000Z", version: "v1" }] } as never);
    expect(decodeRecord(good, lesson.file).ok).toBe(true);
    expect(decodeRecord(good, "other.md")).toEqual({ ok: false, problem: "foreign" });
    expect(decodeRecord(good.replace('"answered"', '"answerd"'), lesson.file).ok).toBe(false); // checksum
    for (const entry of [
      { id: "s1", verb: "hacked", kind: "blank", item: "b1", at: "2025-01-01T00:00:00.000Z", version: "v1" },
      { id: "s1", verb: "answered", kind: "Blank!", item: "b1", at: "2025-01-01T00:00:00.000Z", version: "v1" },
      { id: "s1", verb: "answered", kind: "blank", item: "b 1", at: "2025-01-01T00:00:00.000Z", version: "v1" },
      { id: "s1", verb: "answered", kind: "blank", item: "b1", at: "yesterday", version: "v1" },
      { id: "s1", verb: "answered", kind: "blank", item: "b1", at: "2025-01-01T00:00:00.000Z", version: "v1", result: { success: "yes" } },
      { id: "s1", verb: "answered", kind: "blank", item: "b1", at: "2025-01-01T00:00:00.000Z", version: "v1", context: { f: "x".repeat(30_000) } },
    ]) {
      expect(decodeRecord(encodeRecord({ ...stored, entries: [entry] } as never), lesson.file).ok, JSON.stringify(entry).slice(0, 80)).toBe(false);
    }
    const storage = new FakeStorage();
    storage.items.set(recordKey("/course/", lesson.file), "{torn");
    const { record, notices } = open(storage);
    expect(record.entries()).toEqual([]);
    expect(notices).toEqual([expect.stringMatching(/could not be read/)]);
    expect(storage.getItem(backupKeyOf(recordKey("/course/", lesson.file)))).toBeNull();
  });

  it("refuses to record what it could not read back", () => {
    const { record } = open();
    expect(() => record.record("blank", "no spaces please", "answered")).toThrow(TypeError);
    expect(() => record.record("blank", "b", "answered", { context: { f: () => 1 } as never })).toThrow(TypeError);
  });

  it("never throws on hostile stored text (fast-check, seeded)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const decoded = decodeRecord(text, lesson.file);
        expect(typeof decoded.ok).toBe("boolean");
      }),
      { seed: 14, numRuns: 300 },
    );
  });
});

describe("the record as xAPI statements", () => {
  it("gives every statement what an LRS requires, with the lesson as parent and its version", () => {
    const { record } = open();
    record.record("blank", "b1", "answered", { result: { response: "3.4", success: true }, context: { [extensions.inputs]: { w: 0 } } });
    const document = record.document();
    expect(document).toMatchObject({ format: "live-lesson-record", version: 1, lesson });
    expect(document.actor).toEqual({ objectType: "Agent", account: { homePage: "http://localhost/course/", name: "id-1" } });
    const [statement] = document.statements;
    expect(statement).toEqual({
      id: "id-2",
      actor: document.actor,
      verb: { id: verbs.answered, display: { "en-US": "answered" } },
      object: { objectType: "Activity", id: `${lesson.activity}#blank/b1`, definition: { type: "http://adlnet.gov/expapi/activities/cmi.interaction" } },
      result: { response: "3.4", success: true },
      context: {
        contextActivities: { parent: [{ objectType: "Activity", id: lesson.activity, definition: { type: "http://adlnet.gov/expapi/activities/lesson", name: { en: "Derivatives" } } }] },
        extensions: { [extensions.inputs]: { w: 0 }, [extensions.lessonVersion]: "v1abc", [extensions.itemKind]: "blank" },
      },
      timestamp: "2025-01-01T00:00:01.000Z",
    });
  });

  it("reads a downloaded record back into the same entries", () => {
    const { record } = open();
    record.record("blank", "b1", "answered", { result: { response: "3.4", success: true } });
    record.record("predict", "p1", "skipped");
    record.record("exercise", "dLdw", "showed-solution");
    const read = readRecordDocument(JSON.parse(JSON.stringify(record.document())));
    expect(read.ok && read.entries).toEqual(record.entries());
    expect(read.ok && read.problems).toEqual([]);
  });

  it("names each malformed statement and refuses what is not a record", () => {
    const { record } = open();
    record.record("blank", "b1", "answered", { result: { response: "3.4", success: true } });
    record.record("blank", "b1", "answered", { result: { response: "3.4", success: true } });
    const document = JSON.parse(JSON.stringify(record.document()));
    document.statements[1].verb.id = "http://example.com/verbs/cheated";
    const read = readRecordDocument(document);
    expect(read.ok && read.entries).toHaveLength(1);
    expect(read.problems).toEqual([{ at: "statements[1]", message: expect.stringMatching(/not a well-formed statement/) }]);
    expect(readRecordDocument({ statements: [] })).toEqual({ ok: false, problems: [{ at: "format", message: expect.any(String) }] });
    expect(readRecordDocument(null).ok).toBe(false);
    expect(readRecordDocument({ ...document, version: 2 }).ok).toBe(false);
  });
});

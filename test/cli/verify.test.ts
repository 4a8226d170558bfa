// `lesson verify <record.json> [lessons…]`: one verdict per item, exit 0 only when every claim holds.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runVerify } from "../../src/cli/verify.ts";
import { compileLesson } from "../../src/compile/index.ts";
import { createRecord } from "../../src/learn/record/index.ts";
import { capture } from "./capture.ts";

const fixture = new URL("../fixtures/learning.md", import.meta.url).pathname;
const lesson = compileLesson(readFileSync(fixture, "utf8"), { file: "learning.md" });
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "live-lesson-verify-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeRecord(name: string, success: boolean): Promise<string> {
  const record = createRecord({ lesson: { file: "learning.md", title: lesson.title, version: lesson.learning.version, activity: "http://localhost/learning.html" }, storage: null, scope: "/" });
  record.record("blank", lesson.learning.blanks[0].id, "answered", { result: { response: "3.3", success } });
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(record.document()));
  return path;
}

describe("lesson verify", () => {
  it("exits 0 for a record whose claims hold, printing one verdict per item", async () => {
    const { code, out } = await capture(async () => runVerify([await writeRecord("honest.json", false), fixture]));
    expect(out).toMatch(new RegExp(`^✓ learning\\.md:\\d+ blank ${lesson.learning.blanks[0].id}: 1 wrong answer\\(s\\)$`, "m"));
    expect(out).toContain("The record holds");
    expect(code).toBe(0);
  });

  it("exits 1 for a tampered record, naming the item", async () => {
    const { code, out } = await capture(async () => runVerify([await writeRecord("tampered.json", true), fixture]));
    expect(out).toContain(`✗ learning.md:${lesson.learning.blanks[0].line} blank ${lesson.learning.blanks[0].id}: answer 1 "3.3" is recorded as right, but it is wrong`);
    expect(code).toBe(1);
  });

  it("refuses a missing or unreadable record and unknown options", async () => {
    expect((await capture(() => runVerify([]))).err).toContain("expected a record file");
    expect((await capture(() => runVerify([join(dir, "none.json")]))).err).toContain("cannot read");
    expect((await capture(() => runVerify(["--frob", "x.json"]))).err).toContain("unknown option --frob");
    await writeFile(join(dir, "junk.json"), "{");
    expect((await capture(() => runVerify([join(dir, "junk.json"), fixture]))).code).toBe(1);
  });
});

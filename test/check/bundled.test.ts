// The bundled lessons pass `lesson check` (without the browser run), and the authoring guide's
// example of `lesson check` output is what the checker really prints for its listing.
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkLesson } from "../../src/check/checkLesson.ts";
import { formatProblems, sortProblems } from "../../src/check/problems.ts";

const lessons = readdirSync("lessons").filter((name) => name.endsWith(".md") && !/^[_.]/.test(name));

describe("bundled lessons", { timeout: 60_000 }, () => {
  test.each(lessons)("lessons/%s has no errors", (name) => {
    const errors = checkLesson(join("lessons", name)).problems.filter((p) => p.severity === "error");
    expect(formatProblems(sortProblems(errors))).toBe("");
  });

  test("the guide's example output matches its listing when the listing runs", () => {
    const guide = readFileSync("lessons/authoring.md", "utf8");
    const expected = /```text\n(lessons\/authoring\.md:[\s\S]*?)```/.exec(guide)?.[1]?.trim();
    expect(expected).toBeTruthy();
    const live = guide.replace("```ts run=false\nconst rate", "```ts\nconst rate");
    const dir = mkdtempSync(join(tmpdir(), "guide-"));
    try {
      const file = join(dir, "authoring.md");
      writeFileSync(file, live);
      const problems = sortProblems(checkLesson(file).problems).map((p) => ({ ...p, file: "lessons/authoring.md" }));
      expect(formatProblems(problems)).toBe(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

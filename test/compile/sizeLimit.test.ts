// A lesson above the size limit is refused with a located error, before any parsing: a 10 MB
// lesson used to make `lesson build` die out of memory with no located error.
import { describe, expect, it } from "vitest";
import { compileLesson, MAX_LESSON_CHARS } from "../../src/compile/index.ts";

describe("the lesson size limit", () => {
  it("refuses a lesson above it with an error at the line where it is crossed", () => {
    const line = "A line of prose that is exactly fifty characters.\n";
    const source = line.repeat(Math.ceil((MAX_LESSON_CHARS * 1.5) / line.length)) + "```ts\nconst x = 1\n```\n";
    const lesson = compileLesson(source, { file: "huge.md" });
    expect(lesson.cells).toEqual([]);
    expect(lesson.diagnostics).toEqual([
      {
        severity: "error",
        code: "too-large",
        message: expect.stringMatching(/^this lesson has 1,5\d\d,\d{3} characters; a lesson may have at most 1,000,000: split it into several lessons$/),
        line: Math.floor(MAX_LESSON_CHARS / line.length) + 1,
        column: (MAX_LESSON_CHARS % line.length) + 1,
      },
    ]);
  });

  it("compiles a lesson just under it", () => {
    expect(MAX_LESSON_CHARS).toBe(1_000_000);
    const lesson = compileLesson("```ts\nconst x = 1\n```\n" + "a".repeat(MAX_LESSON_CHARS - 100), { file: "big.md" });
    expect(lesson.cells).toHaveLength(1);
    expect(lesson.diagnostics.filter((d) => d.code === "too-large")).toEqual([]);
  });
});

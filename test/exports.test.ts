// The package's entries (package.json "exports") resolve by name and expose their main functions.
import { describe, expect, it } from "vitest";

describe("package exports", () => {
  it("live-lesson compiles a lesson", async () => {
    const { compileLesson } = await import("live-lesson");
    const lesson = compileLesson("# T\n\n```ts\nconst a = 1\n```\n", { file: "t.md" });
    expect(lesson.title).toBe("T");
    expect(lesson.cells.map((cell) => cell.outputs)).toEqual([["a"]]);
  });

  it("live-lesson/math, /runtime, /editor and /vite expose their entry points", async () => {
    const math = await import("live-lesson/math");
    expect(math.sumSquaredGrad(0, math.exampleData)).toBe(-68);
    expect(typeof (await import("live-lesson/runtime")).mountLesson).toBe("function");
    expect(typeof (await import("live-lesson/editor")).installEditors).toBe("function");
    expect(typeof (await import("live-lesson/vite")).lessonPlugin).toBe("function");
  });
});

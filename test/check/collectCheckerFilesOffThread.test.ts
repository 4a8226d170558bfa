// The dev server's and the build's way to collect the checker's files: the same files, from a
// worker thread (the open type checker's when there is one).
import { describe, expect, test, vi } from "vitest";
import { collectCheckerFiles } from "../../src/check/collectCheckerFiles.ts";
import { collectCheckerFilesOffThread } from "../../src/check/collectCheckerFilesOffThread.ts";
import { createTypeChecker } from "../../src/check/createTypeChecker.ts";
import { compileLesson } from "../../src/compile/index.ts";

const lessons = new URL("../../lessons", import.meta.url).pathname;

describe("collectCheckerFilesOffThread", () => {
  test("collects what collectCheckerFiles collects", { timeout: 180_000 }, async () => {
    const off = await collectCheckerFilesOffThread(lessons, ["d3"]);
    const here = collectCheckerFiles(lessons, ["d3"]);
    expect(Object.keys(off.files)).toEqual(Object.keys(here.files));
    expect(off).toEqual(here);
  });

  test("collects them in the open type checker's worker, after its checks, the same files", { timeout: 180_000 }, async () => {
    const checker = createTypeChecker();
    try {
      const collect = vi.spyOn(checker, "collectFiles");
      const lesson = compileLesson("---\ntitle: a\n---\n\n```ts\nconst a: string = 1;\n```\n", { file: "a.md" });
      const [diagnostics, off] = await Promise.all([checker.check(lesson, { file: "a.md" }), collectCheckerFilesOffThread(lessons, ["d3"])]);
      expect(collect).toHaveBeenCalledWith(lessons, ["d3"]);
      expect(diagnostics.map((d) => d.code)).toEqual(["type"]);
      expect(off).toEqual(collectCheckerFiles(lessons, ["d3"]));
    } finally {
      await checker.close();
    }
  });
});

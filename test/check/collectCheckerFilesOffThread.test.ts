// The dev server's and the build's way to collect the checker's files: the same files, from a
// worker thread (the open type checker's when there is one).
import { describe, expect, test, vi } from "vitest";
import { collectCheckerFiles } from "../../src/check/collectCheckerFiles.ts";
import { collectCheckerFilesOffThread } from "../../src/check/collectCheckerFilesOffThread.ts";
import { createTypeChecker } from "../../src/check/createTypeChecker.ts";
import { compileLesson } from "../../src/compile/index.ts";

const lessons = new URL("../../lessons", import.meta.url).pathname;
// Cells whose summaries go with the files (summarizeCell.ts); the broken one gets none.
const cells = [
  { lang: "ts" as const, inline: false, source: "const a: number = 1;" },
  { lang: "ts" as const, inline: true, source: "a + 1" },
  { lang: "ts" as const, inline: false, source: "const b = (;" },
];

describe("collectCheckerFilesOffThread", () => {
  test("collects what collectCheckerFiles collects", { timeout: 180_000 }, async () => {
    const off = await collectCheckerFilesOffThread(lessons, ["d3"], cells);
    const here = collectCheckerFiles(lessons, ["d3"], cells);
    expect(Object.keys(off.files)).toEqual(Object.keys(here.files));
    expect(Object.keys(here.cells!)).toHaveLength(2);
    expect(off).toEqual(here);
  });

  test("collects them in the open type checker's worker, after its checks, the same files", { timeout: 180_000 }, async () => {
    const checker = createTypeChecker();
    try {
      const collect = vi.spyOn(checker, "collectFiles");
      const lesson = compileLesson("---\ntitle: a\n---\n\n```ts\nconst a: string = 1;\n```\n", { file: "a.md" });
      const [diagnostics, off] = await Promise.all([checker.check(lesson, { file: "a.md" }), collectCheckerFilesOffThread(lessons, ["d3"], cells)]);
      expect(collect).toHaveBeenCalledWith(lessons, ["d3"], cells);
      expect(diagnostics.map((d) => d.code)).toEqual(["type"]);
      expect(off).toEqual(collectCheckerFiles(lessons, ["d3"], cells));
    } finally {
      await checker.close();
    }
  });
});

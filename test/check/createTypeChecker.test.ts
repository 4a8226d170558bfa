// The dev server's type checker: checkTypes in a worker thread, newer checks of a file replacing queued ones.
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, test } from "vitest";
import { createTypeChecker } from "../../src/check/createTypeChecker.ts";
import { compileLesson } from "../../src/compile/index.ts";

const file = "test/fixtures/check/type-across-cells.md";
const checker = createTypeChecker();
afterAll(() => checker.close());

describe("createTypeChecker", { timeout: 60_000 }, () => {
  test("reports what checkTypes reports, from a worker thread", async () => {
    const lesson = compileLesson(readFileSync(file, "utf8"), { file });
    const diagnostics = await checker.check(lesson, { file });
    expect(diagnostics.map(({ line, column, code }) => ({ line, column, code }))).toEqual([{ line: 14, column: 3, code: "type" }]);
  });

  test("a newer check of the same file replaces a queued one", async () => {
    const before = compileLesson("---\ntitle: a\n---\n\n```ts\nconst a: string = 1;\n```\n", { file: "a.md" });
    const fixed = compileLesson("---\ntitle: a\n---\n\n```ts\nconst a: string = \"1\";\n```\n", { file: "a.md" });
    const busy = checker.check(before, { file: "busy.md" });
    const [first, second] = await Promise.all([checker.check(before, { file: "a.md" }), checker.check(fixed, { file: "a.md" }), busy]);
    expect(first).toEqual([]);
    expect(second).toEqual([]);
  });
});

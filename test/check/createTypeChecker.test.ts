// The dev server's type checker: checkTypes in a worker thread, newer checks of a file replacing queued ones.
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, test } from "vitest";
import { checkTypes } from "../../src/check/checkTypes.ts";
import { createTypeChecker } from "../../src/check/createTypeChecker.ts";
import { lintLesson } from "../../src/check/lintLesson.ts";
import { compileLesson } from "../../src/compile/index.ts";

const file = "test/fixtures/check/type-across-cells.md";
const checker = createTypeChecker();
// Warmed first, as the build warms it: the checks below must answer as a cold worker would.
checker.warm(file);
afterAll(() => checker.close());

describe("createTypeChecker", { timeout: 60_000 }, () => {
  test("reports what checkTypes reports, from a worker thread", async () => {
    const lesson = compileLesson(readFileSync(file, "utf8"), { file });
    const diagnostics = await checker.check(lesson, { file });
    expect(diagnostics.map(({ line, column, code }) => ({ line, column, code }))).toEqual([{ line: 14, column: 3, code: "type" }]);
    expect(diagnostics).toEqual(checkTypes(lesson, { file }));
  });

  test("lints as lintLesson does, from the same worker", async () => {
    // An untitled lesson (an error), an unlabelled input and a chart without a text alternative (warnings).
    const source = "# No title\n\n```js\nconst n = view(Inputs.range([0, 1]));\n```\n\n```js\nPlot.dot([1, 2]).plot()\n```\n";
    const lesson = compileLesson(source, { file: "untitled.md" });
    const lint = await checker.lint(lesson, source, { file: "untitled.md" });
    expect(lint.map(({ line, severity }) => ({ line, severity }))).toEqual([{ line: 1, severity: "error" }, { line: 4, severity: "warning" }, { line: 8, severity: "warning" }]);
    expect(lint).toEqual(lintLesson(lesson, source));
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

// Type errors across a lesson's cells, each at its line and column in the .md file.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { checkLesson } from "../../src/check/checkLesson.ts";
import { checkTypes } from "../../src/check/checkTypes.ts";
import { compileLesson } from "../../src/compile/index.ts";

const fixture = (name: string) => `test/fixtures/check/${name}`;
const typeErrors = (name: string) =>
  checkLesson(fixture(name))
    .problems.filter((p) => p.code === "type")
    .map(({ file, line, column, severity, message }) => ({ file, line, column, severity, message }));

describe("checkTypes", { timeout: 60_000 }, () => {
  test("an error inside one cell, and in an inline cell, at its .md line and column", () => {
    expect(typeErrors("type-in-cell.md")).toEqual([
      { file: fixture("type-in-cell.md"), line: 6, column: 7, severity: "error", message: "Type 'number' is not assignable to type 'string'." },
      { file: fixture("type-in-cell.md"), line: 9, column: 22, severity: "error", message: "Property 'toFixed' does not exist on type 'string'. Did you mean 'fixed'?" },
    ]);
  });

  test("an error that only exists across two cells", () => {
    expect(typeErrors("type-across-cells.md")).toEqual([
      { file: fixture("type-across-cells.md"), line: 14, column: 3, severity: "error", message: "Property 'toUpperCase' does not exist on type 'number'." },
    ]);
  });

  test("a clean lesson: builtins, live-lesson/math and Plot are typed, listings are skipped", () => {
    expect(typeErrors("clean.md")).toEqual([]);
  });

  test("cells are checked in dependency order, not source order; view() yields the input's value", () => {
    const source = [
      "---", "title: Order", "---", "",
      "```ts", "const twice: string = k * 2;", "```", "",
      "```ts", 'const k = view(Inputs.range([0, 1], {label: "k"}));', "```", "",
    ].join("\n");
    const lesson = compileLesson(source, { file: "order.md" });
    expect(checkTypes(lesson, { file: "order.md" }).map(({ line, column, message }) => ({ line, column, message }))).toEqual([
      { line: 6, column: 7, message: "Type 'number' is not assignable to type 'string'." },
    ]);
  });

  test("Inputs.table's format gets each column's own type: a number column's value has toFixed, a string column's has not", () => {
    const source = [
      "---", "title: Table", "---", "",
      "```ts", "const rows = [{step: 0, w: 0.5, name: \"a\"}];", "```", "",
      "```ts", "Inputs.table(rows, {format: {w: (d) => d.toFixed(2), name: (d) => d.toUpperCase()}})", "```", "",
      "```ts", "Inputs.table(rows, {format: {name: (d) => d.toFixed(2)}})", "```", "",
    ].join("\n");
    const lesson = compileLesson(source, { file: "table.md" });
    expect(checkTypes(lesson, { file: "table.md" }).map(({ line, message }) => ({ line, message }))).toEqual([
      { line: 14, message: "Property 'toFixed' does not exist on type 'string'. Did you mean 'fixed'?" },
    ]);
  });

  test("a generator cell, top-level await and Mutable check without errors", () => {
    const source = [
      "---", "title: Kinds", "---", "",
      "```ts", "const count = Mutable(0);", "const increment = () => ++count.value;", "```", "",
      "```ts", "const tick = (async function* () { for (let i = 0; i < 3; i++) yield i; })();", "```", "",
      "```ts", "const data = await Promise.resolve([1, 2, 3]);", "```", "",
      "```ts", "for (const x of data) yield x * count;", "```", "",
      "The width is ${width.toFixed(0)} px, now is ${new Date(now).toISOString()}.", "",
    ].join("\n");
    const lesson = compileLesson(source, { file: "kinds.md" });
    expect(checkTypes(lesson, { file: "kinds.md" })).toEqual([]);
  });

  // How much faster the second check is (the parsed libraries are reused) is for bench/, not a test.
  test("a second check, on the reused libraries, finds what the first found", () => {
    const lesson = compileLesson(readFileSync(fixture("type-across-cells.md"), "utf8"), { file: fixture("type-across-cells.md") });
    const first = checkTypes(lesson, { file: fixture("type-across-cells.md") });
    expect(first.map((d) => d.line)).toEqual([14]);
    expect(checkTypes(lesson, { file: fixture("type-across-cells.md") })).toEqual(first);
  });

  test("one missing ) in a helper cell: its syntax error only, no type errors in the cells waiting for it (#16)", () => {
    const source = [
      "---", "title: Cascade", "---", "",
      "```ts",
      "function softmax(xs: number[]): number[] {",
      "  const m = Math.max(...xs;",
      "  return xs.map((x) => Math.exp(x - m));",
      "}",
      "const scale = 2;",
      "```", "",
      "```ts", "const probs = softmax([1, 2, 3]).map((p) => p * scale);", "```", "",
      "```ts", "const total = probs.reduce((a, b) => a + b, 0);", "```", "",
      "The first is ${probs[0].toFixed(2)}.", "",
      "```ts", 'const unrelated: number = "not a number";', "```", "",
    ].join("\n");
    const lesson = compileLesson(source, { file: "cascade.md" });
    expect(lesson.diagnostics.filter((d) => d.severity === "error").map((d) => d.line)).toEqual([7]);
    // Before, the readers of the stub's `any` names added "Parameter 'p' implicitly has an 'any' type" and more.
    expect(checkTypes(lesson, { file: "cascade.md" }).map(({ line, message }) => ({ line, message }))).toEqual([
      { line: 24, message: "Type 'string' is not assignable to type 'number'." },
    ]);
  });
});

describe("checkTypes on hostile cells", { timeout: 120_000 }, () => {
  test("never throws, and every error lies inside a cell of the lesson", async () => {
    const fc = (await import("fast-check")).default;
    const code = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom("const a = 1", "a.b.c", "}{", "yield 1", "await 0", "import x from 'nowhere'", "`${", "/*", "type T = ", "n as string", "return 1"),
    );
    fc.assert(
      fc.property(fc.array(code, { minLength: 1, maxLength: 4 }), fc.string({ maxLength: 20 }), (cells, prose) => {
        const source = `---\ntitle: Fuzz\n---\n\n${prose}\n\n${cells.map((c) => "```ts\n" + c.replace(/`{3,}/g, "") + "\n```\n").join("\n")}`;
        const lesson = compileLesson(source, { file: "fuzz.md" });
        const lines = lesson.cells.map((cell) => [cell.line, cell.line + cell.source.split("\n").length] as const);
        for (const d of checkTypes(lesson, { file: "fuzz.md" })) {
          expect(lines.some(([first, last]) => d.line >= first && d.line <= last)).toBe(true);
        }
      }),
      { seed: 42, numRuns: 30 },
    );
  });
});

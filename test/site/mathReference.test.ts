// The math reference page: generated from src/math's doc comments and file headers, so every
// export must have a doc comment and every file a source.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as math from "../../src/math/index.ts";
import { describeMathExports } from "../../src/site/describeMathExports.ts";
import { renderMathReference } from "../../src/site/renderMathReference.ts";
import { compileLesson } from "../../src/compile/index.ts";

const files = describeMathExports(fileURLToPath(new URL("../../src/math/index.ts", import.meta.url)));
const exports = files.flatMap((file) => file.exports);

describe("the math reference", { timeout: 60_000 }, () => {
  it("lists every export of live-lesson/math (its values, and its types)", () => {
    const names = exports.map((e) => e.name);
    for (const name of Object.keys(math)) expect(names).toContain(name);
    expect(exports.find((e) => e.name === "adam")).toMatchObject({ kind: "function", file: "optimizers/adam.ts", signature: expect.stringMatching(/^adam\(/) });
  });

  it("has a doc comment for every export and a source for every file", () => {
    expect(exports.filter((e) => !e.summary).map((e) => `${e.file}: ${e.name}`), "exports without a doc comment").toEqual([]);
    expect(files.filter((f) => !f.source).map((f) => f.file), "math files whose header names no Source:").toEqual([]);
  });

  it("is a lesson that compiles without a problem, with an anchor per export", () => {
    const lesson = compileLesson(renderMathReference(files), { file: "math-reference.md" });
    expect(lesson.diagnostics).toEqual([]);
    expect(lesson.cells.every((cell) => !cell.options.run)).toBe(true);
    for (const name of ["adam", "runoptimizer", "rosenbrock"]) expect(lesson.anchors).toContain(name);
  });
});

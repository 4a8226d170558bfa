// The builtins' declarations without the biggest libraries, for the page's checker's first answer;
// and which cells may be answered without them.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { analyzeCell } from "../../src/compile/cells.ts";
import { deferLibraryTypes, readsLibraries } from "../../src/typecheck/deferLibraryTypes.ts";
import { emitLessonProgram, type CheckedCell } from "../../src/typecheck/emitLessonProgram.ts";
import { builtinNames } from "../../src/contract/builtins.ts";

const builtins = readFileSync(new URL("../../src/types/lesson-globals.d.ts", import.meta.url), "utf8");

/** Cells from sources, as the checker has them. */
const cellsOf = (sources: string[]): CheckedCell[] =>
  sources.map((source, n) => {
    const { inputs, outputs, expression, async, generator } = analyzeCell(source, { lang: "ts", line: 1 + 10 * n, inline: false }).cell;
    return { id: `c${n}`, source, lang: "ts", line: 1 + 10 * n, column: 1, inputs, outputs, expression, async, generator };
  });

describe("deferLibraryTypes", () => {
  test("declares Plot and d3, whose types are their whole packages', any; the rest stays", () => {
    const deferred = deferLibraryTypes(builtins)!;
    expect(deferred.names.sort()).toEqual(["Plot", "d3"]);
    expect(builtins).toContain('typeof import("d3")');
    expect(deferred.text).not.toMatch(/typeof import\(/);
    expect(deferred.text).toMatch(/^export declare const Plot: any;$/m);
    expect(deferred.text).toMatch(/^export declare const d3: any;$/m);
    expect(deferred.text).toContain("export declare const Inputs: typeof InputsModule;");
    expect(deferred.text.split("\n").length).toBe(builtins.split("\n").length);
  });

  test("leaves nothing out of declarations that import no library's package", () => {
    expect(deferLibraryTypes("export declare const width: number;\n")).toBeUndefined();
  });
});

describe("readsLibraries", () => {
  const check = (sources: string[], id: string) => {
    const cells = cellsOf(sources);
    return readsLibraries(emitLessonProgram(cells, [], builtinNames), cells, [id], ["Plot", "d3"]);
  };

  test("a cell that names none of them, nor reads a cell that does, needs none", () => {
    expect(check(["const a = 1;", "const b = a + 1;", "const chart = Plot.plot({});"], "c1")).toBe(false);
  });

  test("a cell that names one needs it, a word in a comment included", () => {
    expect(check(["const a = 1;", "const b = Plot.dot([a]);"], "c1")).toBe(true);
    expect(check(["const a = 1;", "// unlike d3\nconst b = a;"], "c1")).toBe(true);
    expect(check(["const d3x = 1;", "const b = d3x;"], "c1")).toBe(false);
  });

  test("a cell reading a value inferred from a library, directly or through another cell, needs it", () => {
    expect(check(["const scale = d3.scaleLinear();", "const s2 = scale;", "const b: number = s2;"], "c2")).toBe(true);
  });

  test("a type any cell declares is seen by every cell: one that names a library counts for all", () => {
    expect(check(["type Mark = Plot.Markish;\nconst a = 1;", "const b = 2;"], "c1")).toBe(true);
  });
});

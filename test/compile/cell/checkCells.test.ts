// checkCells finds the problems between cells: duplicates, cycles, undefined names, assignments.

import { describe, expect, it } from "vitest";
import { analyzeCell } from "../../../src/compile/cell/analyzeCell.ts";
import { checkCells } from "../../../src/compile/cell/checkCells.ts";
import type { Cell } from "../../../src/compile/types.ts";

/** Cells from sources, one every ten lines. */
const cells = (...sources: string[]): Cell[] =>
  sources.map((source, i) => analyzeCell(source, { lang: "ts", line: 10 * (i + 1) }).cell);
const summary = (list: Cell[]) => checkCells(list).map((d) => `${d.code}@${d.line}:${d.column}`);

describe("checkCells", () => {
  it("accepts a well-formed lesson, builtins included", () => {
    expect(checkCells(cells("const a = 1;", "const b = a * width;", "display(Plot.plot({marks: [b]}))"))).toEqual([]);
  });

  it("reports each later definition of a name at the name, naming where the first one is", () => {
    const list = cells("const a = 1;", "// again\nlet a = 2;", "function a() {}");
    const diagnostics = checkCells(list);
    expect(diagnostics.map((d) => [d.code, d.line, d.column, d.cell])).toEqual([
      ["duplicate-definition", 21, 5, list[1].id],
      ["duplicate-definition", 30, 10, list[2].id],
    ]);
    expect(diagnostics[0].message).toBe('"a" is defined more than once: it is also defined at line 10, column 7');
  });

  it("offers the closest defined name for an undefined one", () => {
    const list = cells("const probs = [0.2, 0.8];", "const loss = -Math.log(prob[1]);", "const z = Plto.plot({});", "const q = zzzzz;");
    expect(checkCells(list).map((d) => d.message)).toEqual([
      '"prob" is not defined by any cell; did you mean "probs" (line 10)?',
      '"Plto" is not defined by any cell; did you mean "Plot"?',
      '"zzzzz" is not defined by any cell',
    ]);
  });

  it("reports every cell of a cycle, by line and names", () => {
    const list = cells("const a = c + 1;", "const b = a + 1;", "const c = b + 1;", "const d = a;");
    const diagnostics = checkCells(list);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([["cycle", 10], ["cycle", 20], ["cycle", 30]]);
    expect(diagnostics[0].message).toBe("circular definition: the cells at line 10 (a), line 20 (b), line 30 (c) depend on each other");
  });

  it("reports undefined names once per cell, at their first use", () => {
    expect(summary(cells("const a = nothing + nothing;\nnothing;"))).toEqual(["undefined-name@10:11"]);
  });

  it("reports assignments to other cells' names and to builtins", () => {
    expect(summary(cells("let w = 1;", "w = 3;\nw += 1;\n[w] = [2];", "width = 5;"))).toEqual([
      "assign-to-input@20:1",
      "assign-to-input@21:1",
      "assign-to-input@22:2",
      "assign-to-input@30:1",
    ]);
  });

  it("allows a cell to assign its own names and shadowing locals", () => {
    expect(summary(cells("let w = 1;\nw = 2;", "const f = (w: number) => { w = 3; return w; };"))).toEqual([]);
  });

  it("handles a long chain of cells without recursion limits", () => {
    const sources = ["const x0 = 1;"];
    for (let i = 1; i < 5000; i++) sources.push(`const x${i} = x${i - 1} + 1;`);
    sources[0] = "const x0 = x4999;";
    const diagnostics = checkCells(cells(...sources));
    expect(diagnostics).toHaveLength(5000);
    expect(diagnostics.every((d) => d.code === "cycle")).toBe(true);
  });

  it("works on cells that came through JSON (no cached references)", () => {
    const list = JSON.parse(JSON.stringify(cells("let w = 1;", "w = missing;"))) as Cell[];
    expect(summary(list)).toEqual(["assign-to-input@20:1", "undefined-name@20:5"]);
    const twice = JSON.parse(JSON.stringify(cells("let w = 1;", "\nconst w = 2;"))) as Cell[];
    expect(summary(twice)).toEqual(["duplicate-definition@21:7"]);
  });
});

// analyzeCell finds inputs, outputs and shape; findReferences and findDeclarations do the scoping.

import { Parser } from "acorn";
import { describe, expect, it } from "vitest";
import { analyzeCell } from "../../../src/compile/cell/analyzeCell.ts";
import { findReferences } from "../../../src/compile/cell/findReferences.ts";
import { findDeclarations } from "../../../src/compile/cell/findDeclarations.ts";
import { hashCell } from "../../../src/compile/cell/hashCell.ts";

const parse = (code: string) =>
  Parser.parse(code, { ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true, locations: true });
const free = (code: string) => [...new Set(findReferences(parse(code)).map((r) => r.name))];
const ts = (source: string) => analyzeCell(source, { lang: "ts", line: 10 });

describe("findReferences", () => {
  it("skips locals, parameters, catch parameters, labels, members and property keys", () => {
    expect(free("function f(a, {b}, [c], ...d) { return a + b + c + d + e; }")).toEqual(["e"]);
    expect(free("try {} catch ({message}) { message; } x;")).toEqual(["x"]);
    expect(free("outer: for (;;) { break outer; }")).toEqual([]);
    expect(free("a.b.c; a[d]; ({key: v, [k]: 1, m() { return this.q; }})")).toEqual(["a", "d", "v", "k"]);
    expect(free("({shorthand})")).toEqual(["shorthand"]);
    expect(free("class A extends B { x = y; static { z; } }")).toEqual(["B", "y", "z"]);
    expect(free("const named = function self() { return self; }")).toEqual([]);
    expect(free("(class Named { m() { return Named; } })")).toEqual([]);
  });

  it("respects block scope and var hoisting", () => {
    expect(free("{ let inner = 1; } inner;")).toEqual(["inner"]);
    expect(free("{ var hoisted = 1; } hoisted;")).toEqual([]);
    expect(free("for (let i = 0; i < n; i++) {} i;")).toEqual(["n", "i"]);
    expect(free("function g() { if (x) { var v; } return v; }")).toEqual(["x"]);
  });

  it("marks assignments to free names", () => {
    const refs = findReferences(parse("a = 1; b++; [c] = [1]; ({d} = {}); for (e of f); g.h = 1;"));
    expect(refs.filter((r) => r.assigned).map((r) => r.name)).toEqual(["a", "b", "c", "d", "e"]);
  });
});

describe("findDeclarations", () => {
  it("lists top-level names in source order, imports included, nested ones excluded", () => {
    const program = parse(
      'import x, {y as z} from "m";\nimport * as ns from "n";\nconst {a, b: [c], ...d} = o;\nlet e, f;\nfunction g() { const inner = 1; }\nclass H {}\n{ const block = 1; }',
    );
    expect(findDeclarations(program).map((id) => id.name)).toEqual(["x", "z", "ns", "a", "c", "d", "e", "f", "g", "H"]);
  });
});

describe("analyzeCell", () => {
  it("says which bracket a syntax error leaves open, and where it was opened", () => {
    const { diagnostics } = ts("const softmax = (z: number[]) => {\n  const m = Math.max(...z;\n  return z.map((v) => Math.exp(v - m));\n};");
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: "syntax",
        line: 11,
        column: 26,
        message: "SyntaxError: expected `)` to close the `(` at line 11, column 21",
      }),
    ]);
    const js = analyzeCell("const xs = [1, 2, 3;", { lang: "js", line: 4 });
    expect(js.diagnostics[0]!.message).toBe("SyntaxError: expected `]` to close the `[` at line 4, column 12");
    const unclosed = analyzeCell("function f() {\n  return 1;", { lang: "js", line: 4 });
    expect(unclosed.diagnostics[0]!.message).toBe("SyntaxError: expected `}` to close the `{` at line 4, column 14");
    // Where no bracket explains it, acorn's message stays.
    expect(analyzeCell("const = 1;", { lang: "js", line: 4 }).diagnostics[0]!.message).toBe("SyntaxError: Unexpected token");
  });

  it("still knows the names a cell that does not parse declares", () => {
    const broken = ts("const softmax = (z: number[]) => {\n  const m = Math.max(...z;\n};\nfunction logSumExp(z: number[]) { return 0 }\nconst [a, {b}] = [1, {b: 2}];");
    expect(broken.cell.outputs).toEqual(["softmax", "logSumExp", "a", "b"]);
    expect(broken.cell.inputs).toEqual([]);
    expect(analyzeCell("let x = (1 + ;", { lang: "js", line: 1 }).cell.outputs).toEqual(["x"]);
  });

  it("still knows the names declared after a missing `)` inside a function body", () => {
    // acorn-loose reads the rest of the cell into the unclosed call; the top-level braces still tell.
    const broken = ts("function softmax(scores: number[], t = 1): number[] {\n  const exps = scores.map((s) => Math.exp(s / t);\n  return exps;\n}\nconst classes = [\"cat\", \"dog\"];\nlet [first] = classes;");
    expect(broken.cell.outputs).toEqual(["softmax", "classes", "first"]);
  });

  it("sorts inputs and drops globals but keeps builtins", () => {
    const { cell } = ts("display(Plot.dot(data, {x: Math.random()}).plot({width})); console.log(window, view, d3);");
    expect(cell.inputs).toEqual(["Plot", "d3", "data", "display", "view", "width"]);
  });

  it("keeps type names out of inputs", () => {
    const { cell } = ts("const p: Point = {x: 1} as Point satisfies Shape;");
    expect(cell.inputs).toEqual([]);
    expect(cell.outputs).toEqual(["p"]);
  });

  it("tells expressions from programs like Observable", () => {
    expect(ts("1 + 2").cell.expression).toBe(true);
    expect(ts("{a: 1}").cell.expression).toBe(true);
    expect(ts("{}").cell.expression).toBe(true);
    expect(ts("x;").cell.expression).toBe(false);
    expect(ts("function f() {}").cell.expression).toBe(false);
    expect(ts("class A {}").cell.expression).toBe(false);
    expect(ts("(function () {})").cell.expression).toBe(true);
    expect(ts("{ const a = 1; }").cell.expression).toBe(false);
    expect(ts("await f()").cell).toMatchObject({ expression: true, async: true });
  });

  it("finds top-level await and yield, not nested ones", () => {
    expect(ts("const a = await f();").cell).toMatchObject({ async: true, generator: false });
    expect(ts("for await (const x of xs) {}").cell.async).toBe(true);
    expect(ts("async function g() { await 1; }").cell.async).toBe(false);
    expect(ts("yield 1;").cell).toMatchObject({ generator: true, expression: false });
    expect(ts("function* g() { yield 1; }").cell.generator).toBe(false);
  });

  it("lists imports and their names", () => {
    const { cell } = ts('import {adam} from "live-lesson/math";\nimport type {T} from "t";\nimport * as d3x from "d3";');
    expect(cell.imports).toEqual(["live-lesson/math", "d3"]);
    expect(cell.outputs).toEqual(["adam", "d3x"]);
  });

  it("has a content id that ignores position", () => {
    const a = analyzeCell("x + 1", { lang: "ts", line: 3 });
    const b = analyzeCell("x + 1", { lang: "ts", line: 300, column: 7 });
    expect(a.cell.id).toBe(b.cell.id);
    expect(a.cell.id).toBe(hashCell("ts", false, "x + 1"));
    expect(analyzeCell("x + 1", { lang: "js", line: 3 }).cell.id).not.toBe(a.cell.id);
    expect(analyzeCell("x + 1", { lang: "ts", line: 3, inline: true }).cell.id).not.toBe(a.cell.id);
    expect(a.cell.id).toMatch(/^[0-9a-f]{10}$/);
  });

  it("locates syntax errors in the .md file", () => {
    const { diagnostics } = analyzeCell("const a = 1;\nconst b = (;", { lang: "js", line: 10 });
    expect(diagnostics).toEqual([expect.objectContaining({ code: "syntax", line: 11, column: 12, severity: "error" })]);
    const inline = analyzeCell("1 +", { lang: "ts", line: 4, column: 20, inline: true });
    expect(inline.diagnostics[0]).toMatchObject({ code: "syntax", line: 4, column: 23 });
  });

  it("never throws on deep nesting", () => {
    const deep = "(".repeat(20000) + "1" + ")".repeat(20000);
    const { diagnostics } = analyzeCell(deep, { lang: "ts", line: 1 });
    expect(diagnostics[0].code).toBe("syntax");
  });
});

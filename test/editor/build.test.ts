import { describe, expect, it } from "vitest";
import { analyzeCell, transpileCell } from "../../src/compile/cells.ts";
import type { CellDefinition } from "../../src/runtime/types.ts";
import { builtins, builtinNames, isBuiltinIn } from "../../src/contract/builtins.ts";
import { buildEdit, buildFunction } from "../../src/editor/build.ts";
import { STOP_MESSAGE } from "../../src/contract/guard.ts";

/** A lesson's cell definitions as the lesson module would hold them. */
function define(source: string, line: number): CellDefinition {
  const { cell } = analyzeCell(source, { lang: "ts", line, column: 1 });
  const { params, body } = transpileCell(cell);
  return { ...cell, params, body: buildFunction(body) };
}

const lesson = [define("const w: number = 2;", 3), define("const y = w * 3;", 7), define("y + 1", 11)];
const [first, second] = lesson as [CellDefinition, CellDefinition, CellDefinition];

describe("buildEdit", () => {
  it("builds an edit into a definition that keeps the cell's id and place", () => {
    const built = buildEdit("const y: number = w * 10;\nconst z = 1;", second, lesson);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.definition).toMatchObject({ id: second.id, line: 7, outputs: ["y", "z"], inputs: ["w"], params: ["w"] });
    expect((built.definition.body as (w: number) => unknown)(2)).toEqual({ y: 20, z: 1 });
  });

  it("reports a syntax error at its line and column within the cell", () => {
    const built = buildEdit("const y = 1;\nconst z = (;", second, lesson);
    expect(built).toMatchObject({ ok: false, diagnostics: [{ code: "syntax", line: 2, column: 12 }] });
  });

  it("refuses a name defined twice, whichever cell comes first", () => {
    const later = buildEdit("const w = 5;", second, lesson);
    expect(later).toMatchObject({ ok: false, diagnostics: [{ code: "duplicate-definition", line: 1, column: 7 }] });
    const earlier = buildEdit("const w = 1; const y = 2;", first, lesson);
    expect(earlier.ok).toBe(false);
    expect(!earlier.ok && earlier.diagnostics[0]).toMatchObject({ code: "duplicate-definition", cell: second.id, line: 7 });
  });

  it("refuses a cycle and an undefined name", () => {
    expect(buildEdit("const w = y / 3;", first, lesson)).toMatchObject({ ok: false, diagnostics: [{ code: "cycle" }, { code: "cycle" }] });
    expect(buildEdit("const y = wieght * 3;", second, lesson)).toMatchObject({ ok: false, diagnostics: [{ code: "undefined-name", line: 1, column: 11 }] });
  });

  it("lets an edit rename what a cell defines (other cells then fail at run time, not here)", () => {
    expect(buildEdit("const weight = 2;", first, lesson).ok).toBe(true);
  });

  it("builds a guarded function: a runaway edit stops with the message", () => {
    const built = buildEdit("let i = 0;\nwhile (true) { i++; }", second, lesson);
    expect(built.ok).toBe(true);
    if (built.ok) expect(() => (built.definition.body as (w: number) => unknown)(2)).toThrow(STOP_MESSAGE);
  });

  it("reports the members an edit reads of every library the registry lets a page load in part", () => {
    const subsets = builtinNames.filter((name) => "subset" in builtins[name]);
    expect(subsets.length).toBeGreaterThan(0);
    for (const name of builtinNames.filter((n) => isBuiltinIn(n, undefined))) {
      const built = buildEdit(`${name}.probe`, lesson[2]!, lesson);
      expect(built.ok, name).toBe(true);
      expect(built.ok && built.libraries, name).toEqual(subsets.includes(name) ? { [name]: ["probe"] } : {});
    }
  });

  it("lets only an exercise's starter read seed", () => {
    expect(buildEdit("seed + 1", lesson[2]!, lesson).ok).toBe(false);
    expect(buildEdit("seed + 1", { ...lesson[2]!, exercise: "e" }, lesson).ok).toBe(true);
  });
});

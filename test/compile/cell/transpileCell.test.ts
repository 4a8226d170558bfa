// transpileCell's functions run: values, outputs, imports, generators and line mapping.

import { describe, expect, it } from "vitest";
import { analyzeCell } from "../../../src/compile/cell/analyzeCell.ts";
import { transpileCell } from "../../../src/compile/cell/transpileCell.ts";

/** Builds the cell's function the way the editor does, from its body source. */
function define(source: string, lang: "ts" | "js" = "ts", inline = false) {
  const { cell } = analyzeCell(source, { lang, line: 20, inline });
  const { params, body } = transpileCell(cell);
  const fn = new Function(`return (${body});`)() as (...args: unknown[]) => unknown;
  return { cell, params, body, fn };
}

describe("transpileCell", () => {
  it("turns an expression into an arrow function over its inputs", async () => {
    const { params, body, fn } = define("(w * 2) as number");
    expect(params).toEqual(["w"]);
    expect(body).toBe("(w) => (\n(w * 2)          \n)");
    expect(fn(21)).toBe(42);
  });

  it("keeps an object literal an object", () => {
    expect(define("{a: 1, b: x}").fn(2)).toEqual({ a: 1, b: 2 });
  });

  it("returns a program's outputs", () => {
    const { params, fn } = define("const y: number = x + 1;\nfunction f(n: number) { return n * y; }\nclass K {}");
    expect(params).toEqual(["x"]);
    const out = fn(1) as { y: number; f: (n: number) => number; K: unknown };
    expect(out.y).toBe(2);
    expect(out.f(3)).toBe(6);
    expect(typeof out.K).toBe("function");
  });

  it("awaits when the cell awaits", async () => {
    const { body, fn } = define("const v = await Promise.resolve(5);");
    expect(body.startsWith("async function ()")).toBe(true);
    await expect(fn()).resolves.toEqual({ v: 5 });
    const expression = define("await Promise.resolve(x)");
    expect(expression.body.startsWith("async (x) =>")).toBe(true);
    await expect(expression.fn(7)).resolves.toBe(7);
  });

  it("imports through __import (named, renamed, default, namespace, bare)", async () => {
    const source = [
      'import {adam, sgd as plain} from "live-lesson/math";',
      'import def, * as ns from "pkg";',
      'import {"odd-name" as odd} from "pkg";',
      'import type {T} from "types";',
      'import "side-effect";',
      "const total: number = adam + plain + def + odd + k;",
    ].join("\n");
    const { params, body, fn } = define(source);
    expect(params).toEqual(["k", "__import"]);
    const modules: Record<string, unknown> = {
      "live-lesson/math": { adam: 1, sgd: 2 },
      pkg: { default: 30, "odd-name": 400 },
      "side-effect": {},
    };
    const loaded: string[] = [];
    const load = async (spec: string) => (loaded.push(spec), modules[spec]);
    const out = (await fn(5000, load)) as Record<string, unknown>;
    expect(out.total).toBe(5433);
    expect(out.ns).toBe(modules.pkg);
    expect(loaded).toEqual(["live-lesson/math", "pkg", "pkg", "side-effect"]);
    // Lines after the imports stay where they were.
    expect(body.split("\n")[6]).toBe("const total         = adam + plain + def + odd + k;");
  });

  it("makes a yielding cell a generator that returns no outputs", () => {
    const { body, fn } = define("for (let i = 0; i < 3; i++) yield i * step;");
    expect(body.startsWith("function* (step)")).toBe(true);
    expect([...(fn(10) as Iterable<number>)]).toEqual([0, 10, 20]);
    const asyncGen = define("yield await Promise.resolve(1);");
    expect(asyncGen.body.startsWith("async function* ()")).toBe(true);
    // An inline `${yield x}` is an expression that yields: a generator of that one statement.
    const inline = define("yield step", "ts", true);
    expect([...(inline.fn(7) as Iterable<number>)]).toEqual([7]);
  });

  it("keeps the cell's lines: body line n is .md line cell.line + n - 2", () => {
    const { cell, body } = define("const a = 1;\nconst b = 2;\nthrow new Error('here');");
    const lines = body.split("\n");
    const bodyLine = lines.findIndex((l) => l.includes("throw")) + 1;
    expect(cell.line + bodyLine - 2).toBe(22);
  });

  it("runs program cells in strict mode, as module code would", () => {
    const { fn } = define("const self = (function () { return this; })();", "js");
    expect(fn()).toEqual({ self: undefined });
  });

  it("turns a cell that does not parse into a function that throws its SyntaxError", () => {
    const { params, fn } = define("const = 1;");
    expect(params).toEqual([]);
    expect(() => fn()).toThrow(/Unexpected token \(line 20, column 7\)/);
  });

  it("transpiles inline expressions", () => {
    expect(define("x.toFixed(1) as string", "ts", true).fn(1.25)).toBe("1.3");
  });
});

describe("transpileCell on generated cells (seeded)", () => {
  const fragments = [
    "const a = 1;", "let b;", "await p;", "yield 1;", "import {c} from 'm';", "import * as d from 'n';",
    "{e: 1}", "// comment", "/* block */", "x", "x + 1", "\n", ";", "function f() {}", "class K {}",
    "for await (const y of ys) {}", "(async () => await q)()", "const t: number = 2 as number;", "`${a}`",
  ];
  it("always yields a function JavaScript can compile when the cell has no errors", async () => {
    const fc = (await import("fast-check")).default;
    const cellSource = fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 8 }).map((p) => p.join(" "));
    fc.assert(
      fc.property(cellSource, fc.boolean(), (source, inline) => {
        const { cell, diagnostics } = analyzeCell(source, { lang: "ts", line: 1, inline });
        const { params, body } = transpileCell(cell);
        // Even a broken cell compiles: to a function that throws its SyntaxError.
        const fn = new Function(`return (${body});`)();
        expect(typeof fn).toBe("function");
        if (diagnostics.some((d) => d.severity === "error")) expect(params).toEqual([]);
        else expect(fn.length).toBe(params.length);
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});

describe("transpileCell on module-only code", () => {
  it("turns exports and import.meta into functions that throw, never into invalid JavaScript", () => {
    for (const source of ["export const x = 1;", "const u = import.meta.url;"]) {
      const { fn, params } = define(source, "js");
      expect(params).toEqual([]);
      expect(() => fn()).toThrow(SyntaxError);
    }
  });
});

import { describe, expect, it } from "vitest";
import { buildFunction } from "../../src/editor/build.ts";
import { createGuard } from "../../src/runtime/deadline.ts";
import { instrumentLoops, mapOffset, RECURSION_MESSAGE, STOP_MESSAGE } from "../../src/editor/guard.ts";

const run = (body: string, ...args: unknown[]) => (buildFunction(body) as (...a: unknown[]) => unknown)(...args);

describe("instrumentLoops", () => {
  it("guards every loop body and function body", () => {
    const { code } = instrumentLoops(
      "function () {\"use strict\";\nfor (;;) x();\nwhile (a) {}\ndo y(); while (b)\nfor (const k in o);\nconst f = () => 1;\nfunction g() { return 2 }\n}",
    );
    expect(code).toBe(
      "function () {\"use strict\";__guard(true);\nfor (;;) {__guard();x();}\nwhile (a) {__guard();{}}\ndo {__guard();y();} while (b)\nfor (const k in o){__guard();;}\nconst f = () => (__guard(), 1);\nfunction g() {__guard(); return 2 }\n}",
    );
  });

  it("never adds a line, and maps every original offset back", () => {
    const source = "(a, b) => (\nArray.from({length: a}, (_, i) => i * b)\n  .filter((x) => { for (const y of [x]) if (y) return true; })\n)";
    const instrumented = instrumentLoops(source);
    expect(instrumented.code.split("\n").length).toBe(source.split("\n").length);
    for (let offset = 0; offset < instrumented.code.length; offset++) {
      const original = mapOffset(instrumented, offset);
      expect(original).toBeGreaterThanOrEqual(0);
      expect(original).toBeLessThanOrEqual(source.length);
    }
    // Each identifier of the user's code maps back onto itself.
    for (const match of instrumented.code.matchAll(/\b(Array|filter|length|b)\b/g)) {
      const original = mapOffset(instrumented, match.index);
      expect(source.slice(original, original + match[0].length)).toBe(match[0]);
    }
  });
});

describe("guarded functions", () => {
  it("compute what the plain code computes", () => {
    const body = "function (n) {\"use strict\";\nlet s = 0; for (let i = 0; i < n; i++) s += i; let j = 0; while (j < 10) j++;\nconst fib = (k) => k < 2 ? k : fib(k - 1) + fib(k - 2);\nreturn {s, j, f: fib(20), m: [1, 2, 3].map((x) => x * 2)};\n}";
    expect(run(body, 100_000)).toEqual({ s: 4999950000, j: 10, f: 6765, m: [2, 4, 6] });
    expect(run("(x) => (\nx * 2\n)", 21)).toBe(42);
  });

  it("stop `while (true) {}` with a clear message within about a second", () => {
    const start = performance.now();
    expect(() => run('function () {"use strict";\nwhile (true) {}\nreturn {};\n}')).toThrow(STOP_MESSAGE);
    expect(performance.now() - start).toBeLessThan(1500);
  });

  it("stop a loop that swallows the stop inside its body", () => {
    const body = 'function () {"use strict";\nwhile (true) { try { for (;;) {} } catch {} }\n}';
    expect(() => run(body)).toThrow(STOP_MESSAGE);
  });

  it("stop an async cell that never lets the event loop turn", async () => {
    const start = performance.now();
    await expect(run('async function () {"use strict";\nwhile (true) await null;\n}') as Promise<unknown>).rejects.toThrow(STOP_MESSAGE);
    expect(performance.now() - start).toBeLessThan(1500);
  });

  it("stop a runaway generator", () => {
    const generator = run('function* () {"use strict";\nlet i = 0; while (true) { i++; if (i < 0) yield i; }\n}') as Generator;
    expect(() => generator.next()).toThrow(STOP_MESSAGE);
  });

  it("explain deep recursion in words", () => {
    expect(() => run('function () {"use strict";\nfunction f(n) { return f(n + 1) + 1 }\nreturn {x: f(0)};\n}')).toThrow(RECURSION_MESSAGE);
  });

  it("do not charge a cell for an earlier task's time", async () => {
    const guard = createGuard(50);
    guard(true);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(() => {
      for (let i = 0; i < 10_000; i++) guard();
    }).not.toThrow();
  });
});

// The guard function (runtime/deadline.ts) stopping code instrumented by compile/cell/instrumentLoops.ts.
// (How soon it stops is measured in bench/, not asserted here: the machine is shared.)

import { describe, expect, it } from "vitest";
import { instrumentLoops } from "../../src/compile/cell/instrumentLoops.ts";
import { GUARD_NAME, RECURSION_MESSAGE, STOP_MESSAGE } from "../../src/contract/guard.ts";
import { clarifyError, createGuard } from "../../src/runtime/deadline.ts";

/** Runs the source of a function expression instrumented and guarded, as a page does. */
function run(body: string, ...args: unknown[]): unknown {
  const { code } = instrumentLoops(body);
  const fn = new Function(GUARD_NAME, `"use strict"; return (${code}\n);`)(createGuard()) as (...a: unknown[]) => unknown;
  try {
    return fn(...args);
  } catch (error) {
    throw clarifyError(error);
  }
}

describe("guarded functions", () => {
  it("compute what the plain code computes", () => {
    const body = "function (n) {\"use strict\";\nlet s = 0; for (let i = 0; i < n; i++) s += i; let j = 0; while (j < 10) j++;\nconst fib = (k) => k < 2 ? k : fib(k - 1) + fib(k - 2);\nreturn {s, j, f: fib(20), m: [1, 2, 3].map((x) => x * 2)};\n}";
    expect(run(body, 100_000)).toEqual({ s: 4999950000, j: 10, f: 6765, m: [2, 4, 6] });
    expect(run("(x) => (\nx * 2\n)", 21)).toBe(42);
  });

  it("stop `while (true) {}` with a clear message", () => {
    expect(() => run('function () {"use strict";\nwhile (true) {}\nreturn {};\n}')).toThrow(STOP_MESSAGE);
  });

  it("stop a loop that swallows the stop inside its body", () => {
    const body = 'function () {"use strict";\nwhile (true) { try { for (;;) {} } catch {} }\n}';
    expect(() => run(body)).toThrow(STOP_MESSAGE);
  });

  it("stop an async cell that never lets the event loop turn", async () => {
    await expect(run('async function () {"use strict";\nwhile (true) await null;\n}') as Promise<unknown>).rejects.toThrow(STOP_MESSAGE);
  });

  it("stop a runaway generator", () => {
    const generator = run('function* () {"use strict";\nlet i = 0; while (true) { i++; if (i < 0) yield i; }\n}') as Generator;
    expect(() => generator.next()).toThrow(STOP_MESSAGE);
  });

  it("explain deep recursion in words", () => {
    expect(() => run('function () {"use strict";\nfunction f(n) { return f(n + 1) + 1 }\nreturn {x: f(0)};\n}')).toThrow(RECURSION_MESSAGE);
  });

  it("do not charge a cell for an earlier task's time", async () => {
    // A budget far above what 10 000 calls take, even on a loaded machine, and a wait beyond it.
    const guard = createGuard(500);
    guard(true);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(() => {
      for (let i = 0; i < 10_000; i++) guard();
    }).not.toThrow();
  });
  it("do not charge a cell's function for the cells that ran before its caller in the same stretch", () => {
    // Cell a defines a function and arms its guard; other cells then run for longer than the
    // budget in the same task (the runtime computes a whole lesson in one microtask chain); then
    // cell b starts and calls a's function. Only b's own time counts.
    const a = createGuard(200);
    const b = createGuard(200);
    a(true);
    a();
    const until = performance.now() + 300;
    while (performance.now() < until);
    b(true);
    expect(() => {
      for (let i = 0; i < 10_000; i++) a();
    }).not.toThrow();
    // …and a loop in b that never ends, calling a's function, is still stopped.
    expect(() => {
      for (;;) a();
    }).toThrow(STOP_MESSAGE);
  });
});

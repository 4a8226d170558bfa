// The guard function (runtime/deadline.ts) stopping code instrumented by compile/cell/instrumentLoops.ts.
// (How soon it stops is measured in bench/, not asserted here: the machine is shared.)

import { afterEach, describe, expect, it, vi } from "vitest";
import { instrumentLoops } from "../../src/compile/cell/instrumentLoops.ts";
import { AUTHOR_GUARD_BUDGET_MS, GUARD_BUDGET_MS, GUARD_NAME, RECURSION_MESSAGE, STOP_MESSAGE, stopMessage } from "../../src/contract/guard.ts";
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
    }).toThrow(stopMessage(200));
  });
});

describe("the guards' disarming", () => {
  afterEach(() => vi.restoreAllMocks());

  it("disarms every guard armed in one task with one message, once the event loop turns", async () => {
    // A new task, so that no earlier test's disarm is still waiting for its message.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const posted = vi.spyOn(MessagePort.prototype, "postMessage");
    // Twelve cells run in one task (a slider's change): each arms its guard.
    const guards = Array.from({ length: 12 }, () => createGuard(50));
    for (const guard of guards) guard(true);
    expect(posted).toHaveBeenCalledTimes(1);
    // Longer than the budget, but the event loop turned: no guard charges this wait to its cell.
    await new Promise((resolve) => setTimeout(resolve, 120));
    for (const guard of guards) expect(() => guard()).not.toThrow();
    // A new task arms again with a message of its own.
    expect(posted).toHaveBeenCalledTimes(2);
  });
});

// The clock is a fake one here, advanced by the loop itself: what is asserted is how many turns
// run before the stop, which does not depend on how loaded the machine is.
describe("the guard's clock reads", () => {
  let clock = 0;
  afterEach(() => vi.restoreAllMocks());
  const fakeClock = () => {
    clock = 0;
    vi.spyOn(performance, "now").mockImplementation(() => clock);
  };

  /** Turns a guarded loop makes before it is stopped, each turn taking `turnMs`; Infinity when it never is. */
  function turnsBeforeStop(guard: (start?: boolean) => void, turnMs: number, limit = 100_000): number {
    guard(true);
    for (let turn = 1; turn <= limit; turn++) {
      clock += turnMs;
      try {
        guard();
      } catch (error) {
        expect((error as Error).message).toMatch(/^Stopped: this cell ran for more than/);
        return turn;
      }
    }
    return Infinity;
  }

  it("adapt to slow turns: a loop whose each turn takes 29 ms stops at the first turn past the budget", () => {
    fakeClock();
    // Before: the clock was read every 1,024th turn, so such a loop ran 1,024 turns (~30 s).
    expect(turnsBeforeStop(createGuard(), 29)).toBe(Math.floor(GUARD_BUDGET_MS / 29) + 1);
  });

  it("stay rare for quick turns, and still stop soon after the budget", () => {
    fakeClock();
    const reads = vi.mocked(performance.now);
    const turnMs = 0.001;
    const turns = turnsBeforeStop(createGuard(), turnMs, 10_000_000);
    // Stopped within 2 % of the budget, with far fewer clock reads than turns.
    expect(turns * turnMs).toBeGreaterThan(GUARD_BUDGET_MS);
    expect(turns * turnMs).toBeLessThan(GUARD_BUDGET_MS * 1.02);
    expect(reads.mock.calls.length).toBeLessThan(turns / 50);
  });

  it("catch up at once when quick turns turn slow", () => {
    fakeClock();
    const guard = createGuard();
    guard(true);
    for (let turn = 0; turn < 100_000; turn++) {
      clock += 0.001;
      guard();
    }
    // Now every turn takes 29 ms: at most a stride of turns (128) runs before the clock is read.
    expect(turnsBeforeStop(guard, 29)).toBeLessThanOrEqual(Math.floor(GUARD_BUDGET_MS / 29) + 128);
  });

  it("give author cells a larger budget than edits, and say which", () => {
    fakeClock();
    expect(AUTHOR_GUARD_BUDGET_MS).toBeGreaterThanOrEqual(5 * GUARD_BUDGET_MS);
    // Three seconds of legitimate work (a slow, loaded machine) stop an edit but not an author cell.
    expect(turnsBeforeStop(createGuard(AUTHOR_GUARD_BUDGET_MS), 30, 100)).toBe(Infinity);
    expect(turnsBeforeStop(createGuard(), 30, 100)).toBeLessThan(100);
    expect(() => {
      const guard = createGuard(AUTHOR_GUARD_BUDGET_MS);
      guard(true);
      for (;;) {
        clock += 30;
        guard();
      }
    }).toThrow(stopMessage(AUTHOR_GUARD_BUDGET_MS));
    expect(stopMessage(AUTHOR_GUARD_BUDGET_MS)).toBe("Stopped: this cell ran for more than 5 s (an endless loop?)");
    expect(STOP_MESSAGE).toBe(stopMessage(GUARD_BUDGET_MS));
  });
});

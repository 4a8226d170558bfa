import { Runtime } from "@observablehq/runtime";
import { describe, expect, it } from "vitest";
import { skipFrameWait } from "../../src/runtime/skipFrameWait.ts";

// In Node the runtime's "frame" is setImmediate: a recompute that waits for it has not happened
// by the end of the current microtasks.
const microtasks = () => new Promise<void>((resolve) => queueMicrotask(() => setTimeout(resolve, 0)));

describe("skipFrameWait", () => {
  it("recomputes dependents in microtasks, without waiting for a frame", async () => {
    const runtime = new Runtime();
    skipFrameWait(runtime);
    const main = runtime.module();
    const seen: number[] = [];
    const x = main.define("x", [], 1);
    main.variable({ fulfilled: (value) => void seen.push(value as number) }).define("y", ["x"], (v: number) => v * 10);
    await microtasks();
    expect(seen).toEqual([10]);
    x.define("x", [], 2);
    let immediate = false;
    setImmediate(() => (immediate = true));
    await new Promise<void>((resolve) => {
      const check = () => (seen.length === 2 ? resolve() : queueMicrotask(check));
      queueMicrotask(check);
    });
    expect(seen).toEqual([10, 20]);
    expect(immediate).toBe(false);
    runtime.dispose();
  });

  it("still steps a generator once per frame, so an endless one cannot starve the event loop", async () => {
    const runtime = new Runtime();
    skipFrameWait(runtime);
    const main = runtime.module();
    let steps = 0;
    main.variable(true).define("tick", [], function* () {
      while (true) yield ++steps;
    });
    // A timer still fires: the loop yields to the event loop between generator steps.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(steps).toBeGreaterThan(1);
    runtime.dispose();
  });
});

import { Runtime } from "@observablehq/runtime";
import { describe, expect, it } from "vitest";
import { skipFrameWait } from "../../src/runtime/skipFrameWait.ts";

// In Node the runtime's "frame" is setImmediate: a recompute that waits for it has not happened
// by the end of the current microtasks.
const microtasks = () => new Promise<void>((resolve) => queueMicrotask(() => setTimeout(resolve, 0)));

/** A runtime as the page sets it up, with an endless animation `tick` that steps once per frame; `steps()` counts its steps. */
function startAnimation() {
  const runtime = new Runtime();
  skipFrameWait(runtime);
  const main = runtime.module();
  let steps = 0;
  main.variable(true).define("tick", [], function* () {
    while (true) yield ++steps;
  });
  return { runtime, main, steps: () => steps };
}

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
    const { runtime, steps } = startAnimation();
    // A timer still fires: the loop yields to the event loop between generator steps.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(steps()).toBeGreaterThan(1);
    runtime.dispose();
  });

  it("computes an input's dependents at once while an animation waits for its frame, and still steps the animation once per frame", async () => {
    // An endless animation: the runtime always has a frame wait pending to resume it.
    const { runtime, main, steps } = startAnimation();
    // An input as a view is: a generator whose next value comes when the reader moves it.
    let emit: (value: number) => void = () => {};
    main.variable(true).define("w", [], async function* () {
      yield 1;
      while (true) yield await new Promise<number>((resolve) => (emit = resolve));
    });
    const seen: Array<[number, number]> = [];
    main.variable({ fulfilled: (value) => void seen.push(value as [number, number]) }).define("both", ["w", "tick"], (w: number, tick: number) => [w, tick]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const stepsBefore = steps();
    const seenBefore = seen.length;
    expect(stepsBefore).toBeGreaterThan(1);
    expect(seen.at(-1)).toEqual([1, stepsBefore]);
    // The reader moves the input: its dependent is recomputed in this task's microtasks, before the
    // next frame (setImmediate in Node), with the animation's current value and without stepping it.
    let frame = false;
    setImmediate(() => (frame = true));
    emit(2);
    // Microtasks only (a bounded number: a spin that never ended would starve the frame itself).
    for (let hop = 0; hop < 1000 && seen.length === seenBefore; hop++) await Promise.resolve();
    expect(frame).toBe(false);
    expect(seen.slice(seenBefore)).toEqual([[2, stepsBefore]]);
    expect(steps()).toBe(stepsBefore);
    // The animation goes on at the next frames, now with the input's new value.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(steps()).toBeGreaterThan(stepsBefore);
    expect(seen.at(-1)).toEqual([2, steps()]);
    runtime.dispose();
  });
});

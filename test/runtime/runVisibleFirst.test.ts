// @vitest-environment happy-dom
import { Runtime, type Module } from "@observablehq/runtime";
import { afterEach, describe, expect, it } from "vitest";
import { createVisibleFirst } from "../../src/runtime/runVisibleFirst.ts";
import { skipFrameWait } from "../../src/runtime/skipFrameWait.ts";

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A runtime as the page sets it up, with a screen showing `onScreen` (by cell name) and a paint
 * that comes when the test says. Each cell logs its runs' values and marks its element's status.
 */
function setUp(onScreen: string[]) {
  const runtime = new Runtime();
  skipFrameWait(runtime);
  const main: Module = runtime.module();
  const elements = new Map<string, HTMLElement>();
  const runs: Record<string, number[]> = {};
  let paints: Array<() => void> = [];
  const policy = createVisibleFirst({
    onScreen: () => onScreen.map((name) => elements.get(name)!),
    watch: () => {},
    unwatch: () => {},
    afterPaint: () => new Promise<void>((resolve) => paints.push(resolve)),
  });
  const x = main.define("x", [], 1);
  /** A cell `name` = f(its inputs), shown in its own element. */
  const cell = (name: string, inputs: string[], f: (...args: number[]) => number) => {
    const element = document.createElement("div");
    elements.set(name, element);
    runs[name] = [];
    let count = 0;
    const observer = {
      pending: () => void (element.dataset.status = "pending"),
      fulfilled: (value: unknown) => void ((element.dataset.status = "fulfilled"), (element.textContent = String(value))),
      rejected: () => void (element.dataset.status = "rejected"),
    };
    let variable: object | undefined;
    let active = true;
    const run = (...args: unknown[]) => {
      count++;
      const value = f(...(args as number[]));
      runs[name]!.push(value);
      return value;
    };
    variable = main.variable(observer).define(name, inputs, policy.defer(run, element, () => (active ? variable : undefined), () => count > 0));
    policy.watch(element, [variable]);
    removers.set(name, () => (active = false));
  };
  const removers = new Map<string, () => void>();
  const paint = () => {
    const waiting = paints;
    paints = [];
    for (const resolve of waiting) resolve();
  };
  const text = (name: string) => elements.get(name)!.textContent;
  const status = (name: string) => elements.get(name)!.dataset.status;
  const remove = (name: string) => removers.get(name)!();
  return { runtime, x, cell, remove, runs, paint, text, status, waiting: () => paints.length };
}

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

describe("createVisibleFirst", () => {
  it("runs an off-screen cell's re-run after the paint when a cell on screen changes, with the same value", async () => {
    const page = setUp(["near"]);
    dispose = () => page.runtime.dispose();
    page.cell("near", ["x"], (x) => x * 10);
    page.cell("far", ["x"], (x) => x * 100);
    await settle();
    // A first run never waits.
    expect(page.runs).toEqual({ near: [10], far: [100] });
    page.x.define("x", [], 2);
    await settle();
    expect(page.runs).toEqual({ near: [10, 20], far: [100] });
    expect(page.text("near")).toBe("20");
    expect(page.status("far")).toBe("pending");
    page.paint();
    await settle();
    expect(page.runs).toEqual({ near: [10, 20], far: [100, 200] });
    expect(page.text("far")).toBe("200");
    expect(page.status("far")).toBe("fulfilled");
  });

  it("runs at once an off-screen cell that a cell on screen reads, directly or through others", async () => {
    const page = setUp(["chart"]);
    dispose = () => page.runtime.dispose();
    page.cell("data", ["x"], (x) => x + 1);
    page.cell("scaled", ["data"], (d) => d * 2);
    page.cell("chart", ["scaled"], (s) => s + 0.5);
    await settle();
    page.x.define("x", [], 2);
    await settle();
    expect(page.waiting()).toBe(0);
    expect(page.runs).toEqual({ data: [2, 3], scaled: [4, 6], chart: [4.5, 6.5] });
  });

  it("waits for nothing when no cell on screen changes", async () => {
    const page = setUp(["other"]);
    dispose = () => page.runtime.dispose();
    page.cell("other", [], () => 7);
    page.cell("far", ["x"], (x) => x * 100);
    await settle();
    page.x.define("x", [], 3);
    await settle();
    expect(page.waiting()).toBe(0);
    expect(page.runs.far).toEqual([100, 300]);
  });

  it("skips a waiting run that a newer change made stale, and runs the newest once", async () => {
    const page = setUp(["near"]);
    dispose = () => page.runtime.dispose();
    page.cell("near", ["x"], (x) => x * 10);
    page.cell("far", ["x"], (x) => x * 100);
    await settle();
    page.x.define("x", [], 2);
    await settle();
    page.x.define("x", [], 3);
    await settle();
    expect(page.runs.near).toEqual([10, 20, 30]);
    // The newer run waits behind the stale one (the runtime chains a variable's runs); both paints pass.
    while (page.waiting()) page.paint(), await settle();
    expect(page.runs.far).toEqual([100, 300]);
    expect(page.text("far")).toBe("300");
  });

  it("skips a waiting run whose cell left the page before the paint", async () => {
    const page = setUp(["near"]);
    dispose = () => page.runtime.dispose();
    page.cell("near", ["x"], (x) => x * 10);
    page.cell("far", ["x"], (x) => x * 100);
    await settle();
    page.x.define("x", [], 2);
    await settle();
    page.remove("far");
    page.paint();
    await settle();
    expect(page.runs.far).toEqual([100]);
  });
});

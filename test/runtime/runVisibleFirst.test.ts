// @vitest-environment happy-dom
import { Runtime, type Module } from "@observablehq/runtime";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { vi } from "vitest";
import { analyzeCell } from "../../src/compile/cell/analyzeCell.ts";
import { transpileCell } from "../../src/compile/cell/transpileCell.ts";
import { mountLesson } from "../../src/runtime/mountLesson.ts";
import { createBrowserScreen, createVisibleFirst } from "../../src/runtime/runVisibleFirst.ts";
import { skipFrameWait } from "../../src/runtime/skipFrameWait.ts";
import type { CellDefinition, LessonHandle } from "../../src/runtime/types.ts";

declare global {
  var __ticks: number;
}

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

/**
 * The browser's frames and IntersectionObserver, as the test says: `frame()` runs the frame
 * callbacks asked for so far, and an output is on screen when its cell id is in `onScreen`.
 */
function stubBrowser() {
  const onScreen = new Set<string>();
  let callbacks: FrameRequestCallback[] = [];
  class Observer {
    constructor(private readonly report: IntersectionObserverCallback) {}
    observe(target: Element): void {
      this.report([{ target, isIntersecting: onScreen.has((target as HTMLElement).dataset.cell ?? "") } as IntersectionObserverEntry], this as unknown as IntersectionObserver);
    }
    unobserve(): void {}
    disconnect(): void {}
  }
  vi.stubGlobal("IntersectionObserver", Observer);
  vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => callbacks.push(callback));
  const frame = () => {
    const due = callbacks;
    callbacks = [];
    for (const callback of due) callback(performance.now());
  };
  /** Runs only the oldest frame callback. */
  const frameOne = () => callbacks.shift()?.(performance.now());
  return { onScreen, frame, frameOne, pendingFrames: () => callbacks.length, dropFrames: () => void (callbacks = []) };
}

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));
const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe("createBrowserScreen", () => {
  let browser: ReturnType<typeof stubBrowser>;
  beforeAll(() => void (browser = stubBrowser()));
  afterAll(() => vi.unstubAllGlobals());
  afterEach(() => {
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
    dispatchEvent(new Event("afterprint"));
    browser.dropFrames();
    browser.onScreen.clear();
  });

  it("waits for a frame and the task after it", async () => {
    const screen = createBrowserScreen();
    let painted = false;
    void screen.afterPaint().then(() => (painted = true));
    await wait(5);
    expect(painted).toBe(false);
    browser.frame();
    await wait(5);
    expect(painted).toBe(true);
  });

  it("lets waiting runs go at once when the page is hidden (no frame will come), and none waits while hidden", async () => {
    const screen = createBrowserScreen();
    const element = document.createElement("div");
    element.dataset.cell = "shown";
    browser.onScreen.add("shown");
    screen.watch(element);
    expect([...screen.onScreen()]).toEqual([element]);
    let painted = false;
    void screen.afterPaint().then(() => (painted = true));
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
    await flush();
    // Before: the runs waited for the 100 ms backstop (throttled to a second or more in a background tab).
    expect(painted).toBe(true);
    expect([...screen.onScreen()]).toEqual([]);
  });

  it("lets waiting runs go at once when the page is printed, and none waits until the print is done", async () => {
    const screen = createBrowserScreen();
    const element = document.createElement("div");
    element.dataset.cell = "shown";
    browser.onScreen.add("shown");
    screen.watch(element);
    let painted = false;
    void screen.afterPaint().then(() => (painted = true));
    dispatchEvent(new Event("beforeprint"));
    await flush();
    expect(painted).toBe(true);
    expect([...screen.onScreen()]).toEqual([]);
    dispatchEvent(new Event("afterprint"));
    expect([...screen.onScreen()]).toEqual([element]);
  });

  it("does not let the late frame of a released wait release the next wait before its own frame", async () => {
    const screen = createBrowserScreen();
    void screen.afterPaint();
    dispatchEvent(new Event("beforeprint"));
    dispatchEvent(new Event("afterprint"));
    await flush();
    let painted = false;
    void screen.afterPaint().then(() => (painted = true));
    expect(browser.pendingFrames()).toBe(2);
    browser.frameOne(); // The released wait's frame, then its task.
    await wait(5);
    expect(painted).toBe(false);
    browser.frameOne();
    await wait(5);
    expect(painted).toBe(true);
  });
});

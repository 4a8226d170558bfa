// @vitest-environment happy-dom
import { Runtime, type Module } from "@observablehq/runtime";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createBrowserScreen, createVisibleFirst } from "../../src/runtime/runVisibleFirst.ts";
import { skipFrameWait } from "../../src/runtime/skipFrameWait.ts";
import type { CellDefinition, LessonHandle } from "../../src/runtime/types.ts";
import { defineFrom, mountCells } from "./cellOf.ts";

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

  it("waits for a late frame on a visible page, not for a short timer", async () => {
    const screen = createBrowserScreen();
    let painted = false;
    void screen.afterPaint().then(() => (painted = true));
    // Before: a 100 ms timer let the runs go first when the frame was later (a loaded machine).
    await wait(150);
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
    // Before: the runs waited for the backstop timer (throttled to a second or more in a background tab).
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

describe("a lesson whose cells wait for the paint", () => {
  let browser: ReturnType<typeof stubBrowser>;
  beforeAll(() => {
    browser = stubBrowser();
    browser.onScreen.add("near");
  });
  afterAll(() => vi.unstubAllGlobals());
  afterEach(() => document.body.replaceChildren());

  /** A lesson of `x`, the cell `near` on screen reading it, and `far` (off screen) as given. */
  function mountWith(far: CellDefinition): { handle: LessonHandle; root: HTMLElement } {
    return mountCells("visible.md", "Visible", [defineFrom("x", "const x = 1;", 3), defineFrom("near", "x * 10", 7), far]);
  }

  /** Moves `x` to `value` and lets the page run until every cell settles, a frame painted meanwhile. */
  async function moveX(handle: LessonHandle, value: number): Promise<void> {
    const done = handle.api.set("x", value);
    await wait(10);
    browser.frame();
    await done;
  }

  const stateOf = (handle: LessonHandle, id: string) => handle.api.cells().find((c) => c.id === id);
  // What the cell on screen showed when `far` last ran: "20" once x = 2 means `far` waited for it.
  const nearSeen = 'globalThis.__nearSeen = document.querySelector(\'[data-cell="near"]\').textContent;';

  it("ends the previous run's timers when a run starts waiting, as when nothing waits", async () => {
    const ticks: number[] = [];
    Object.assign(globalThis, { __ticks: ticks });
    const { handle } = mountWith(defineFrom("far", `${nearSeen}\nsetInterval(() => { globalThis.__ticks.push(x); }, 2);`, 11));
    await handle.api.idle();
    await vi.waitFor(() => expect(ticks.length).toBeGreaterThan(2));
    const start = ticks.length;
    await moveX(handle, 2);
    expect((globalThis as unknown as { __nearSeen: string }).__nearSeen).toBe("20"); // It waited for the paint.
    await vi.waitFor(() => expect(ticks.filter((x) => x === 2).length).toBeGreaterThan(2));
    // Before: the run of x = 1 kept ticking while the new run waited (10 ms here, a frame or more in a page).
    expect(ticks.slice(start).filter((x) => x === 1)).toEqual([]);
    handle.update({ file: "visible.md", title: "Visible", html: "", cells: [], diagnostics: [], modules: {} });
  });

  it("shows the error a waiting run throws at its cell, on its line, and idle() waits for it", async () => {
    const { handle, root } = mountWith(defineFrom("far", `${nearSeen}\nif (x > 1) throw new Error("too big");`, 11));
    await handle.api.idle();
    expect(stateOf(handle, "far")?.status).toBe("fulfilled");
    await moveX(handle, 2); // Resolves once idle() does.
    expect((globalThis as unknown as { __nearSeen: string }).__nearSeen).toBe("20");
    expect(stateOf(handle, "far")?.status).toBe("rejected");
    expect(stateOf(handle, "far")?.error).toMatch(/too big/);
    // Line 2 of the cell's code is line 12 of the .md file.
    expect(root.querySelector('[data-cell="far"] .cell-error-location')?.textContent).toBe("visible.md:12");
    handle.update({ file: "visible.md", title: "Visible", html: "", cells: [], diagnostics: [], modules: {} });
  });
});

// The checker's start yields to the lesson: it waits until no cell runs, and a cell that starts
// running during a step stops the worker, which starts again when the page is idle.
import { describe, expect, it } from "vitest";
import type { Checker } from "../../../src/editor/typecheck/checkerWorker.ts";
import type { RunningChecker } from "../../../src/editor/typecheck/startChecker.ts";
import { startCheckerWhenIdle, type PageActivity } from "../../../src/editor/typecheck/startCheckerWhenIdle.ts";

/** A page whose cells run until `rest()`, and that can tell of a cell starting to run (`busy()`). */
function fakePage(running: boolean) {
  const waiting: (() => void)[] = [];
  const listeners = new Set<() => void>();
  const page: PageActivity = {
    idle: () => (running ? new Promise<void>((resolve) => waiting.push(resolve)) : Promise.resolve()),
    onBusy(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    page,
    rest() {
      running = false;
      for (const resolve of waiting.splice(0)) resolve();
    },
    busy() {
      running = true;
      for (const listener of [...listeners]) listener();
    },
  };
}

/** Workers whose load() resolves when the test says so; records starts and stops. */
function fakeWorkers() {
  const log: string[] = [];
  const loads: (() => void)[] = [];
  const start = (): RunningChecker => {
    const n = log.filter((entry) => entry.startsWith("start")).length + 1;
    log.push(`start ${n}`);
    const checker = { load: () => new Promise<void>((resolve) => loads.push(resolve)), name: n } as unknown as Checker;
    return { checker, stop: () => log.push(`stop ${n}`) };
  };
  return { log, start, finishLoad: () => loads.shift()?.() };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("startCheckerWhenIdle", () => {
  it("starts the worker only once no cell runs, then loads and warms it", async () => {
    const { page, rest } = fakePage(true);
    const workers = fakeWorkers();
    const warmed: unknown[] = [];
    const starting = startCheckerWhenIdle(page, async (checker) => void warmed.push(checker), { start: workers.start, cores: 2 });
    await tick();
    expect(workers.log).toEqual([]);
    rest();
    await tick();
    expect(workers.log).toEqual(["start 1"]);
    workers.finishLoad();
    const checker = await starting.ready;
    expect(warmed).toEqual([checker]);
  });

  it("stops the worker when a cell starts running during a step, and starts again when the page rests", async () => {
    const { page, rest, busy } = fakePage(false);
    const workers = fakeWorkers();
    const starting = startCheckerWhenIdle(page, async () => {}, { start: workers.start, cores: 2 });
    await tick();
    busy();
    await tick();
    expect(workers.log).toEqual(["start 1", "stop 1"]);
    rest();
    await tick();
    expect(workers.log).toEqual(["start 1", "stop 1", "start 2"]);
    workers.finishLoad(); // the first worker's load, which never answers after its stop
    workers.finishLoad();
    expect(((await starting.ready) as unknown as { name: number }).name).toBe(2);
  });

  it("restarts only once (a restart redoes the work), so a page whose cells never rest still gets its checker", async () => {
    const { page, rest, busy } = fakePage(false);
    const workers = fakeWorkers();
    const starting = startCheckerWhenIdle(page, async () => {}, { start: workers.start, cores: 2 });
    for (let i = 0; i < 3; i++) {
      await tick();
      busy();
      rest();
    }
    await tick();
    expect(workers.log).toEqual(["start 1", "stop 1", "start 2"]);
    for (let i = 0; i < 2; i++) workers.finishLoad();
    await expect(starting.ready).resolves.toBeDefined();
  });

  it("stops the worker no more once the reader edited (the edit's own run must not restart the start)", async () => {
    const { page, rest, busy } = fakePage(false);
    const workers = fakeWorkers();
    const starting = startCheckerWhenIdle(page, async () => {}, { start: workers.start, cores: 2 });
    await tick();
    expect(workers.log).toEqual(["start 1"]);
    starting.edited();
    busy();
    await tick();
    expect(workers.log).toEqual(["start 1"]);
    rest();
    workers.finishLoad();
    expect(((await starting.ready) as unknown as { name: number }).name).toBe(1);
  });

  it("gives the checker to the edit's check once loaded, without its warm-up, only once the reader edited", async () => {
    const { page } = fakePage(false);
    const workers = fakeWorkers();
    let warmed = () => {};
    const starting = startCheckerWhenIdle(page, () => new Promise<void>((resolve) => (warmed = resolve)), { start: workers.start, cores: 2 });
    const order: string[] = [];
    void starting.loaded.then(() => order.push("loaded"));
    void starting.ready.then(() => order.push("ready"));
    await tick();
    workers.finishLoad();
    await tick();
    // Loaded but not edited: a cell that starts running could still stop this worker.
    expect(order).toEqual([]);
    starting.edited();
    await tick();
    expect(order).toEqual(["loaded"]);
    warmed();
    await tick();
    expect(order).toEqual(["loaded", "ready"]);
    expect(await starting.loaded).toBe(await starting.ready);
  });

  it("gives the checker to the edit's check as soon as it loads when the reader edited first, and never a stopped one", async () => {
    const { page, rest, busy } = fakePage(false);
    const workers = fakeWorkers();
    const starting = startCheckerWhenIdle(page, () => new Promise<void>(() => {}), { start: workers.start, cores: 2 });
    await tick();
    busy(); // the first worker stops before the edit
    rest();
    await tick();
    expect(workers.log).toEqual(["start 1", "stop 1", "start 2"]);
    starting.edited();
    workers.finishLoad(); // the stopped worker's load
    await tick();
    let loaded: unknown;
    void starting.loaded.then((checker) => (loaded = checker));
    await tick();
    expect(loaded).toBeUndefined();
    workers.finishLoad();
    await tick();
    expect((loaded as { name: number }).name).toBe(2);
  });

  it("never stops the worker on a machine with more than two cores (it has a core of its own)", async () => {
    const { page, busy, rest } = fakePage(false);
    const workers = fakeWorkers();
    const starting = startCheckerWhenIdle(page, async () => {}, { start: workers.start, cores: 8 });
    await tick();
    busy();
    await tick();
    expect(workers.log).toEqual(["start 1"]);
    workers.finishLoad();
    // The next step still waits for the cells to rest.
    rest();
    await expect(starting.ready).resolves.toBeDefined();
  });

  it("rejects when stopped, before the worker starts or while it loads", async () => {
    const { page } = fakePage(false);
    const workers = fakeWorkers();
    const before = startCheckerWhenIdle(page, async () => {}, { start: workers.start, cores: 2 });
    before.stop();
    await expect(before.ready).rejects.toThrow(/stopped/);
    const loading = startCheckerWhenIdle(page, async () => {}, { start: workers.start, cores: 2 });
    await tick();
    expect(workers.log).toEqual(["start 1"]);
    loading.stop();
    await expect(loading.ready).rejects.toThrow(/stopped/);
    await expect(loading.loaded).rejects.toThrow(/stopped/);
    expect(workers.log).toEqual(["start 1", "stop 1"]);
  });
});

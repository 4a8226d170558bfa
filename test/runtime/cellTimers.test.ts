// @vitest-environment happy-dom
// A cell's timers end with the cell (a rerun, a redefinition as Reset does, a removal), and what
// their callbacks throw is shown at the cell instead of vanishing into the console.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createCellTimers } from "../../src/runtime/cellTimers.ts";
import type { CellDefinition } from "../../src/runtime/types.ts";
import { defineFrom, mountCells } from "./cellOf.ts";

declare global {
  var __ticks: number;
  var __failures: number;
}

const mount = (...cells: CellDefinition[]) => mountCells("timers.md", "Timers", cells);

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

afterEach(() => {
  document.body.replaceChildren();
});

describe("a cell's timers", () => {
  it("become the cell's own parameters, only when the cell names them", () => {
    expect(defineFrom("a", "setInterval(() => {}, 10);", 3).params).toEqual(["setInterval"]);
    expect(defineFrom("b", "const n = x + 1;", 3).params).toEqual(["x"]);
    // A cell that declares the name keeps its own.
    expect(defineFrom("c", "function setTimeout() { return 1; }", 3).params).toEqual([]);
    expect(defineFrom("d", "requestAnimationFrame(() => {}); setTimeout(() => {}, 1);", 3).params).toEqual(["setTimeout", "requestAnimationFrame"]);
  });

  it("stop when the cell is redefined (a reset, a rerun of an edit) or its run is replaced", async () => {
    globalThis.__ticks = 0;
    const ticking = defineFrom("t", "const started = 1;\nsetInterval(() => { globalThis.__ticks++; }, 5);", 10);
    const { handle } = mount(ticking);
    await handle.api.idle();
    await vi.waitFor(() => expect(globalThis.__ticks).toBeGreaterThan(2));
    await handle.redefine(defineFrom("t", "const started = 2;", 10));
    const after = globalThis.__ticks;
    await wait(50);
    expect(globalThis.__ticks).toBe(after);
  });

  it("stop when a new run of the cell starts, so runs do not pile up", async () => {
    globalThis.__ticks = 0;
    const input = defineFrom("i", "const k = 1;", 3);
    const ticking = defineFrom("t", "const seen = k;\nsetInterval(() => { globalThis.__ticks += k; }, 5);", 10);
    const { handle } = mount(input, ticking);
    await handle.api.idle();
    await handle.redefine(defineFrom("i", "const k = 1000;", 3));
    await handle.api.idle();
    globalThis.__ticks = 0;
    await vi.waitFor(() => expect(globalThis.__ticks).toBeGreaterThan(2000));
    // Only the new run's interval (adding 1000 a tick) is left: the old one (adding 1) was cleared.
    expect(globalThis.__ticks % 1000).toBe(0);
  });

  it("show an error thrown in a callback at the cell, on its line, keeping what the cell showed", async () => {
    const source = 'display("drawn");\nsetTimeout(() => {\n  throw new Error("late failure");\n}, 5);';
    const { handle, root } = mount(defineFrom("t", source, 20));
    await handle.api.idle();
    await vi.waitFor(() => expect(handle.api.cells()[0]?.status).toBe("rejected"));
    const state = handle.api.cells()[0]!;
    expect(state.error).toMatch(/late failure/);
    const output = root.querySelector('[data-cell="t"]')!;
    expect(output.textContent).toContain("drawn");
    expect(output.querySelectorAll(".cell-error")).toHaveLength(1);
    // Line 3 of the cell's code (the throw) is line 22 of the .md file, where V8 gives the stack.
    expect(output.querySelector(".cell-error-location")?.textContent).toBe("timers.md:22");
  });

  it("report a rejected promise an async callback returns, once, and stop the cell's other timers", async () => {
    globalThis.__failures = 0;
    const source = "setInterval(async () => { globalThis.__failures++; throw new Error(\"async failure\"); }, 5);";
    const { handle, root } = mount(defineFrom("t", source, 20));
    await vi.waitFor(() => expect(handle.api.cells()[0]?.status).toBe("rejected"));
    await wait(40);
    expect(globalThis.__failures).toBe(1);
    expect(root.querySelectorAll('[data-cell="t"] .cell-error')).toHaveLength(1);
    expect(handle.api.cells()[0]?.error).toMatch(/async failure/);
  });
});

describe("createCellTimers", () => {
  it("cancels pending timeouts, intervals and frames on clear, and starts nothing after", async () => {
    const calls: string[] = [];
    const timers = createCellTimers((error) => calls.push(`error ${String(error)}`));
    timers.setTimeout(() => calls.push("timeout"), 5);
    timers.setInterval(() => calls.push("interval"), 5);
    timers.requestAnimationFrame(() => calls.push("frame"));
    timers.clear();
    timers.setTimeout(() => calls.push("late timeout"), 1);
    await wait(40);
    expect(calls).toEqual([]);
  });

  it("passes a string handler to the global unchanged", () => {
    const spy = vi.spyOn(globalThis, "setTimeout").mockImplementation((() => 0) as never);
    const timers = createCellTimers(() => {});
    timers.setTimeout("void 0", 1);
    expect(spy).toHaveBeenCalledWith("void 0", 1);
    spy.mockRestore();
  });
});

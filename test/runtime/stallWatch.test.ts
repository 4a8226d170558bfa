import { afterEach, describe, expect, it, vi } from "vitest";
import { StallWatch } from "../../src/runtime/stallWatch.ts";

describe("StallWatch", () => {
  afterEach(() => vi.useRealTimers());

  it("calls a callback that waited its time, not one cleared or restarted before", () => {
    vi.useFakeTimers();
    const watch = new StallWatch(1000, () => Date.now());
    const calls: string[] = [];
    const a = () => void calls.push("a");
    const b = () => void calls.push("b");
    const c = () => void calls.push("c");
    watch.watch(a);
    vi.advanceTimersByTime(300);
    watch.watch(b);
    watch.watch(c);
    watch.clear(c); // c settled
    vi.advanceTimersByTime(600);
    watch.watch(a); // a ran again: its wait starts over (now 900 → due at 1900)
    vi.advanceTimersByTime(400); // 1300: b (due at 1300) is due, a is not
    expect(calls).toEqual(["b"]);
    vi.advanceTimersByTime(599);
    expect(calls).toEqual(["b"]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(["b", "a"]);
    vi.advanceTimersByTime(10_000);
    expect(calls).toEqual(["b", "a"]); // each once
  });

  it("keeps one timer for many pending callbacks", () => {
    vi.useFakeTimers();
    const watch = new StallWatch(1000, () => Date.now());
    const set = vi.spyOn(globalThis, "setTimeout");
    const callbacks = Array.from({ length: 12 }, () => vi.fn());
    // A slider's change: twelve cells go pending, then settle.
    for (const f of callbacks) watch.watch(f);
    for (const f of callbacks) watch.clear(f);
    for (const f of callbacks) watch.watch(f);
    expect(set).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    for (const f of callbacks) expect(f).toHaveBeenCalledTimes(1);
  });

  it("goes on with the others when one callback throws", () => {
    vi.useFakeTimers();
    const watch = new StallWatch(10, () => Date.now());
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const after = vi.fn();
    watch.watch(() => {
      throw new Error("broken notice");
    });
    watch.watch(after);
    vi.advanceTimersByTime(10);
    expect(after).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledTimes(1);
  });
});

// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadBuilder } from "../../src/editor/loadBuilder.ts";
import { mountCells } from "../../src/editor/mountCells.ts";
import { scheduleRun } from "../../src/editor/scheduleRun.ts";
import { createFixture } from "./editorFixture.ts";

describe("scheduleRun", () => {
  beforeEach(async () => {
    await loadBuilder(); // Loaded for real before the clock is faked.
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it("runs the edit after a pause in typing, once, when it parses", async () => {
    const { state, handle } = createFixture({ autoRunDelay: 500 });
    mountCells(state);
    const slot = state.slots.get("c7")!;
    slot.editor.setText("const y = w * 4;");
    scheduleRun(state, slot);
    await vi.advanceTimersByTimeAsync(300);
    scheduleRun(state, slot); // Typing again restarts the pause.
    await vi.advanceTimersByTimeAsync(300);
    expect(handle.redefined).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    await vi.waitFor(() => expect(handle.redefined.map((d) => d.source)).toEqual(["const y = w * 4;"]));
  });

  it("waits for code that parses", async () => {
    const { state, handle } = createFixture({ autoRunDelay: 500 });
    mountCells(state);
    const slot = state.slots.get("c7")!;
    slot.editor.setText("const y = (");
    scheduleRun(state, slot);
    await vi.advanceTimersByTimeAsync(1000);
    expect(handle.redefined).toEqual([]);
    expect(state.saved.cells).toEqual({});
  });

  it("does nothing when the pause run is turned off", async () => {
    const { state } = createFixture({ autoRunDelay: 0 });
    mountCells(state);
    const slot = state.slots.get("c7")!;
    scheduleRun(state, slot);
    expect(slot.timer).toBeUndefined();
  });
});

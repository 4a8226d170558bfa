// How long `lesson check` waits for a lesson's cells: while they keep settling (a slow, loaded machine)
// it waits on; when nothing moves for the quiet time, it stops and the pending cells are reported.
import { describe, expect, test } from "vitest";
import type { CellState } from "../../src/runtime/types.ts";
import { waitToSettle, type LookAtCells } from "../../src/check/waitToSettle.ts";

/** A page on a fake clock whose pending cells settle at the given times (ms); a cell at Infinity never does. */
function fakePage(settleAt: number[]) {
  let clock = 0;
  const states = (): CellState[] => settleAt.map((at, i) => ({ id: `c${i}`, line: i + 1, status: at <= clock ? "fulfilled" : "pending" }));
  const look: LookAtCells = async (slice) => {
    const next = Math.min(...settleAt.filter((at) => at > clock));
    const allDone = !Number.isFinite(next) && settleAt.every((at) => at <= clock);
    if (allDone) return { idle: true, states: states() };
    clock = Number.isFinite(next) && next - clock <= slice ? next : clock + slice;
    return { idle: settleAt.every((at) => at <= clock), states: states() };
  };
  return { look, now: () => clock };
}

const pendingOf = (states: CellState[]) => states.filter((s) => s.status === "pending").map((s) => s.id);

describe("waitToSettle", () => {
  test("waits past the quiet time while cells keep settling, and stops when the last one does", async () => {
    // One cell settles every 10 s: 40 s in all, more than the 15 s a fixed deadline allowed.
    const page = fakePage([10_000, 20_000, 30_000, 40_000]);
    const { states, waited } = await waitToSettle(page.look, { quiet: 15_000, cap: 60_000, now: page.now });
    expect(pendingOf(states)).toEqual([]);
    expect(waited).toBe(40_000);
  });

  test("stops once nothing has moved for the quiet time, and reports the cells still pending", async () => {
    const page = fakePage([2_000, Infinity]);
    const { states, waited } = await waitToSettle(page.look, { quiet: 15_000, cap: 60_000, now: page.now });
    expect(pendingOf(states)).toEqual(["c1"]);
    expect(waited).toBe(17_000);
  });

  test("files still arriving count as movement; the cap ends even a page that keeps moving", async () => {
    const page = fakePage([Infinity]);
    const busy = await waitToSettle(page.look, { quiet: 15_000, cap: 60_000, now: page.now, lastActivity: () => page.now() - 500 });
    expect(busy.waited).toBe(60_000);
    expect(pendingOf(busy.states)).toEqual(["c0"]);

    const stalled = fakePage([Infinity]);
    const quietOnly = await waitToSettle(stalled.look, { quiet: 15_000, cap: 60_000, now: stalled.now, lastActivity: () => 3_000 });
    expect(quietOnly.waited).toBe(18_000);
  });
});

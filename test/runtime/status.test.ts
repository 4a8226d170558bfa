import { describe, expect, it } from "vitest";
import { StatusBoard } from "../../src/runtime/status.ts";

describe("StatusBoard", () => {
  it("counts pending cells and notifies only on a change", () => {
    const board = new StatusBoard();
    const seen: string[] = [];
    const unsubscribe = board.subscribe((s) => seen.push(`${s.id}:${s.status}`));
    board.set({ id: "a", line: 1, status: "pending" });
    board.set({ id: "a", line: 1, status: "pending" });
    board.set({ id: "b", line: 5, status: "pending" });
    expect(board.countPending()).toBe(2);
    board.set({ id: "a", line: 1, status: "rejected", error: "boom" });
    expect(board.countPending()).toBe(1);
    unsubscribe();
    board.set({ id: "b", line: 5, status: "fulfilled" });
    expect(seen).toEqual(["a:pending", "b:pending", "a:rejected"]);
    expect(board.list()).toEqual([
      { id: "a", line: 1, status: "rejected", error: "boom" },
      { id: "b", line: 5, status: "fulfilled" },
    ]);
  });

  it("keeps notifying other listeners when one throws", () => {
    const board = new StatusBoard();
    const seen: string[] = [];
    const error = console.error;
    console.error = () => {};
    try {
      board.subscribe(() => {
        throw new Error("listener bug");
      });
      board.subscribe((s) => seen.push(s.id));
      board.set({ id: "a", line: 1, status: "fulfilled" });
    } finally {
      console.error = error;
    }
    expect(seen).toEqual(["a"]);
  });

  it("resolves nextChange on a change or after the timeout", async () => {
    const board = new StatusBoard();
    const change = board.nextChange(10_000);
    board.set({ id: "a", line: 1, status: "pending" });
    await change;
    await board.nextChange(1);
  });
});

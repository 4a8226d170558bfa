// How long the headless run of `lesson check` waits for a lesson's cells: until none is pending, or
// until nothing has moved for a while. A fixed deadline reported slow but healthy lessons as stuck on
// a loaded CI machine (the dev server's first dependency bundling alone can take seconds there);
// waiting while cells keep settling, or while the page keeps receiving files, does not.
import type { CellState } from "../runtime/types.ts";

/** One look at the page: whether its cells settled within the slice, and their states. */
export type LookAtCells = (sliceMs: number) => Promise<{ idle: boolean; states: CellState[] }>;

export interface SettleOptions {
  /** How long nothing may move before the still pending cells are reported (ms). */
  quiet: number;
  /** The longest wait in all, however much moves (ms). */
  cap: number;
  /** How long one look waits for the cells to settle (ms). */
  slice?: number;
  /** When something outside the cells last moved (a file arrived), on the `now` clock. */
  lastActivity?: () => number;
  now?: () => number;
}

/** Waits as above; `waited` is how long it waited (ms), for the report of the cells still pending. */
export async function waitToSettle(look: LookAtCells, options: SettleOptions): Promise<{ states: CellState[]; waited: number }> {
  const { quiet, cap, slice = 1000, lastActivity = () => -Infinity, now = Date.now } = options;
  const start = now();
  let lastMove = start;
  let fewestPending = Infinity;
  for (;;) {
    const { idle, states } = await look(Math.min(slice, quiet));
    const pending = states.filter((s) => s.status === "pending").length;
    if (pending < fewestPending) {
      fewestPending = pending;
      lastMove = now();
    }
    const at = now();
    const still = at - Math.max(lastMove, lastActivity());
    if (idle || still >= quiet || at - start >= cap) return { states, waited: at - start };
  }
}

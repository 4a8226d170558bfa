// The status board: every cell's latest state, for `lesson.cells()`, `idle()` and `onStatus`.

import type { CellState } from "./types.ts";

/** Cell states keyed by id, with change listeners. */
export class StatusBoard {
  readonly #states = new Map<string, CellState>();
  readonly #listeners = new Set<(state: CellState) => void>();

  /** Records `state` and tells listeners when it differs from the last one. */
  set(state: CellState): void {
    const last = this.#states.get(state.id);
    this.#states.set(state.id, state);
    if (last && last.status === state.status && last.error === state.error && last.line === state.line && last.stalled === state.stalled) return;
    for (const listener of this.#listeners) {
      try {
        listener(state);
      } catch (error) {
        console.error(error); // A broken listener must not stop the others or the cell.
      }
    }
  }

  /** The latest state of cell `id`. */
  get(id: string): CellState | undefined {
    return this.#states.get(id);
  }

  /** Forgets a deleted cell. */
  delete(id: string): void {
    this.#states.delete(id);
  }

  /** All states, in the order cells were defined. */
  list(): CellState[] {
    return Array.from(this.#states.values(), (state) => ({ ...state }));
  }

  /** How many cells are pending now, not counting stalled ones (they may never settle). */
  countPending(): number {
    let count = 0;
    for (const state of this.#states.values()) if (state.status === "pending" && !state.stalled) ++count;
    return count;
  }

  /** Calls `listener` on every status change; returns the unsubscribe function. */
  subscribe(listener: (state: CellState) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /** Resolves at the next change, or after `timeout` ms (a safety net for missed changes). */
  nextChange(timeout: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeout);
      const unsubscribe = this.subscribe(done);
      function done(): void {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      }
    });
  }
}

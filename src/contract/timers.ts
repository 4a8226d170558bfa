// The timer functions each cell gets its own of, shared by the compiler (which passes them to the
// cells that name them, in place of the globals) and the runtime (which supplies them, tied to the
// cell's invalidation: runtime/cellTimers.ts).

/** The globals a cell that names them receives as its own, cancelled when the cell is invalidated. */
export const TIMER_NAMES = ["setTimeout", "setInterval", "requestAnimationFrame"] as const;

// A cell's own setTimeout, setInterval and requestAnimationFrame: the timers one run of a cell
// starts are cancelled when the cell is invalidated (it runs again, is redefined, reset or removed),
// and an error thrown in their callbacks reaches the cell instead of the console. The compiler
// passes these in place of the globals to every cell that names them (compile/cell/transpileCell.ts).

import { TIMER_NAMES } from "../contract/timers.ts";

/** The timer functions one run of a cell sees, and how to cancel what they started. */
export interface CellTimers {
  setTimeout: TimerFunction;
  setInterval: TimerFunction;
  requestAnimationFrame: (callback: FrameRequestCallback) => number;
  /** Cancels every timer and frame request of this run still pending; later calls start nothing. */
  clear(): void;
}

/** setTimeout or setInterval, as a cell calls it (the handle is the browser's, or Node's in the runner). */
export type TimerFunction = (handler: TimerHandler, delay?: number, ...args: unknown[]) => Handle;

// A number in browsers, an object in Node (the headless runner): opaque here.
type Handle = unknown;
// Looked up at each call, not at import: a test's fake timers (or a page's own patch) take effect.
const setTimer: TimerFunction = (...args) => (globalThis.setTimeout as unknown as TimerFunction)(...args);
const setRepeating: TimerFunction = (...args) => (globalThis.setInterval as unknown as TimerFunction)(...args);
const clearTimer = (handle: Handle): void => (globalThis.clearTimeout as (h: Handle) => void)(handle);
const clearRepeating = (handle: Handle): void => (globalThis.clearInterval as (h: Handle) => void)(handle);

/**
 * Creates one run's timers. `onError` receives what a callback throws (or the rejection of the
 * promise it returns); the timers are cleared first, so an interval that throws every tick
 * reports once instead of flooding the page.
 */
export function createCellTimers(onError: (error: unknown) => void): CellTimers {
  const timeouts = new Set<Handle>();
  const intervals = new Set<Handle>();
  const frames = new Set<number>();
  let cleared = false;
  const clear = (): void => {
    cleared = true;
    for (const handle of timeouts) clearTimer(handle);
    for (const handle of intervals) clearRepeating(handle);
    for (const handle of frames) cancelAnimationFrame(handle);
    timeouts.clear();
    intervals.clear();
    frames.clear();
  };
  const fail = (error: unknown): void => {
    clear();
    onError(error);
  };
  // Runs `callback` on the cell's behalf: a throw or a rejected promise goes to the cell.
  const guard =
    (callback: (...args: never[]) => unknown, done?: () => void) =>
    (...args: unknown[]): void => {
      done?.();
      if (cleared) return;
      try {
        const result = (callback as (...a: unknown[]) => unknown)(...args);
        if (isThenable(result)) result.then(undefined, (error) => !cleared && fail(error));
      } catch (error) {
        fail(error);
      }
    };

  function setTimeout_(handler: TimerHandler, delay?: number, ...args: unknown[]): Handle {
    // A string handler is code for eval, which the page's CSP refuses: it goes to the global as is.
    if (typeof handler !== "function") return setTimer(handler, delay, ...args);
    if (cleared) return setTimer(() => {}, 0); // A valid, harmless handle.
    const handle: Handle = setTimer(guard(handler as () => unknown, () => timeouts.delete(handle)), delay, ...args);
    timeouts.add(handle);
    return handle;
  }
  function setInterval_(handler: TimerHandler, delay?: number, ...args: unknown[]): Handle {
    if (typeof handler !== "function") return setRepeating(handler, delay, ...args);
    if (cleared) return setTimer(() => {}, 0);
    const handle = setRepeating(guard(handler as () => unknown), delay, ...args);
    intervals.add(handle);
    return handle;
  }
  function requestAnimationFrame_(callback: FrameRequestCallback): number {
    if (cleared) return 0;
    const handle: number = globalThis.requestAnimationFrame(guard(callback, () => frames.delete(handle)));
    frames.add(handle);
    return handle;
  }
  return {
    setTimeout: setTimeout_,
    setInterval: setInterval_,
    requestAnimationFrame: requestAnimationFrame_,
    clear,
  };
}

/** True when `name` is one of the timer functions a cell gets its own of. */
export function isTimerName(name: string): name is (typeof TIMER_NAMES)[number] {
  return (TIMER_NAMES as readonly string[]).includes(name);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === "object" || typeof value === "function") && value !== null && typeof (value as { then?: unknown }).then === "function";
}

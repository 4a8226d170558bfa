// The guard function instrumented cells call: it throws once the page has been stuck in the cell
// for longer than the budget without the event loop turning. Every cell is instrumented (author
// cells by the Vite plugin, edited cells by the editor: compile/cell/instrumentLoops.ts inserts the
// calls); the name, budget and messages both halves share are in contract/guard.ts.

import { GUARD_BUDGET_MS, RECURSION_MESSAGE, stopMessage } from "../contract/guard.ts";

/** A guard: call with `true` when the cell body starts, with nothing at every loop turn and call. */
export type Guard = (start?: boolean) => void;

// How often the guard reads the clock: performance.now() on every loop turn would slow tight loops
// several times over, and reading it every 1,024th turn let a loop whose each turn is one slow
// built-in call (a 29 ms sort) run for 30 s. So the stride adapts: it doubles while the calls
// between two reads took less than half of READ_EVERY_MS, and shrinks in proportion (down to 1)
// as soon as they took longer. MAX_STRIDE bounds how many turns run unseen when quick turns
// suddenly turn slow; past ~128 a larger stride no longer makes tight loops measurably faster.
const READ_EVERY_MS = 1;
const MAX_STRIDE = 128;

/** How many cell bodies have started (every guard's `start` call): see createGuard. */
let bodiesStarted = 0;

/**
 * Creates a cell's guard, stopping a stretch longer than `budget` ms. The scheme: the first guard
 * call in a task arms a deadline and schedules a macrotask that disarms it; while the stretch runs
 * (one synchronous run, or any chain of microtasks such as `while (true) await null`), the
 * macrotask cannot run, so the deadline stays armed and the guard compares the clock with it every
 * `stride` calls (see READ_EVERY_MS). Once it has passed, every guard call throws until the event
 * loop turns, so a loop that catches the error inside its body still meets it again at its next
 * turn. `__guard(true)` re-arms when the cell body starts, so time spent by other cells earlier in
 * the same task is not charged to this one.
 */
export function createGuard(budget = GUARD_BUDGET_MS): Guard {
  const message = stopMessage(budget);
  let armedAt: number | undefined;
  let armedIn = 0;
  let readAt = 0;
  let count = 0;
  let stride = 1;
  let stopped = false;
  const disarm = (): void => {
    armedAt = undefined;
    stopped = false;
  };
  return (start?: boolean): void => {
    if (stopped) throw new Error(message);
    if (start) bodiesStarted++;
    // A function of another cell, called by the cell that started since it armed, re-arms too:
    // the time the cells in between took (one long microtask stretch) is not its own.
    if (armedAt === undefined || start || armedIn !== bodiesStarted) {
      if (armedAt === undefined) scheduleTurn(disarm);
      armedAt = readAt = performance.now();
      armedIn = bodiesStarted;
      count = 0;
      stride = 1;
      return;
    }
    if (++count < stride) return;
    count = 0;
    const now = performance.now();
    if (now - armedAt > budget) {
      stopped = true;
      throw new Error(message);
    }
    const spent = now - readAt;
    readAt = now;
    if (spent < READ_EVERY_MS / 2) stride = Math.min(stride * 2, MAX_STRIDE);
    else if (spent > READ_EVERY_MS) stride = Math.max(1, Math.floor((stride * READ_EVERY_MS) / spent));
  };
}

/** Replaces a stack overflow by a message a reader understands; other errors pass unchanged. */
export function clarifyError(error: unknown): unknown {
  if (error instanceof RangeError && /call stack|recursion/i.test(error.message)) {
    return new RangeError(RECURSION_MESSAGE);
  }
  return error;
}

// A MessageChannel task is not throttled in background tabs the way setTimeout is (a throttled
// disarm would let a later, legitimate stretch look like a runaway one).
let channel: MessageChannel | undefined;
let queue: Array<() => void> = [];

// One message disarms every guard armed before it arrives: its arrival is a task of its own, so
// the event loop has turned since each of them armed. A slider's change runs a dozen guarded cells
// in one task; one message per cell cost more than the guards themselves.
function scheduleTurn(callback: () => void): void {
  if (typeof MessageChannel === "undefined") {
    setTimeout(callback, 0);
    return;
  }
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const due = queue;
      queue = [];
      for (const disarm of due) disarm();
    };
    // In Node an open port keeps the process alive; in browsers unref does not exist.
    (channel.port1 as { unref?: () => void }).unref?.();
    (channel.port2 as { unref?: () => void }).unref?.();
  }
  queue.push(callback);
  if (queue.length === 1) channel.port2.postMessage(null);
}

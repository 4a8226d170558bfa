// Recomputes the graph without waiting for the next animation frame when nothing is animating.

import type { Runtime } from "@observablehq/runtime";

/** The runtime internals this touches (not in its public API; stable across 5.x and 6.x). */
interface Scheduler {
  _precomputes: unknown[];
  _disposed: boolean;
  _computeSoon(): Promise<void>;
  _computeNow(): Promise<void>;
}

/**
 * @observablehq/runtime waits for `requestAnimationFrame` before every recompute, so a slider's
 * dependents redraw one frame after the input (~17 ms). Here a recompute runs in a microtask
 * instead, in the input event's own task, before the frame is painted. Generators still step once
 * per frame: a recompute that resumes generators (`_precomputes`, e.g. `now` or an animation
 * loop) keeps the runtime's frame wait, so an endless generator cannot starve the page.
 */
export function skipFrameWait(runtime: Runtime): void {
  const scheduler = runtime as unknown as Scheduler;
  const waitForFrame = scheduler._computeSoon;
  scheduler._computeSoon = function (this: Scheduler) {
    if (this._precomputes.length) return waitForFrame.call(this);
    return Promise.resolve().then(() => (this._disposed ? undefined : this._computeNow()));
  };
}

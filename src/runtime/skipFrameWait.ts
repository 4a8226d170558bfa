// Recomputes the graph without waiting for the next animation frame; only generators wait for it.

import type { Runtime } from "@observablehq/runtime";

/** The runtime internals this touches (not in its public API; stable across 5.x and 6.x). */
interface Scheduler {
  _precomputes: unknown[];
  _updates: Set<unknown>;
  _computing: Promise<void> | null;
  _disposed: boolean;
  _compute(): Promise<void>;
  _computeSoon(): Promise<void>;
  _computeNow(): Promise<void>;
}

/**
 * @observablehq/runtime waits for `requestAnimationFrame` before every recompute, so a slider's
 * dependents redraw one frame after the input (~17 ms). Here a recompute runs in a microtask
 * instead, in the input event's own task, before the frame is painted. Generators still step once
 * per frame: a recompute that resumes generators (`_precomputes`, e.g. `now` or an animation
 * loop) keeps the runtime's frame wait, so an endless generator cannot starve the page.
 *
 * While such a frame wait is pending (an animation is playing anywhere on the page), an update
 * that is not a generator's step (a slider moved, a cell redefined) is computed at once too,
 * without resuming the generators: they still resume at the frame, and the frame's recompute
 * finds the update already done. Otherwise a slider moved during an animation would redraw its
 * dependents only at the next frame, after the animation's own work.
 */
export function skipFrameWait(runtime: Runtime): void {
  const scheduler = runtime as unknown as Scheduler;
  const waitForFrame = scheduler._computeSoon;
  const computeNow = scheduler._computeNow;
  let frameWait: Promise<void> | null = null;
  let updateSoon = false;
  scheduler._computeSoon = function (this: Scheduler) {
    if (this._precomputes.length) return (frameWait = waitForFrame.call(this));
    return Promise.resolve().then(() => (this._disposed ? undefined : computeNow.call(this)));
  };
  // The frame came: from here the runtime resumes the generators and computes in one pass what
  // they and everything else updated, as it always does.
  scheduler._computeNow = function (this: Scheduler) {
    frameWait = null;
    return computeNow.call(this);
  };
  const compute = scheduler._compute;
  scheduler._compute = function (this: Scheduler) {
    if (frameWait !== null && this._computing === frameWait && this._updates.size && !updateSoon) {
      updateSoon = true;
      queueMicrotask(() => {
        updateSoon = false;
        if (this._disposed || frameWait === null || this._computing !== frameWait || !this._updates.size) return;
        // With no generator to resume, _computeNow runs synchronously to its end (its only await
        // is the one after resuming generators): it computes the updates and clears them. Then the
        // frame wait and its generators are put back, to resume at the frame as before.
        const waiting = this._computing;
        const precomputes = this._precomputes;
        this._precomputes = [];
        void computeNow.call(this);
        this._precomputes = precomputes.concat(this._precomputes);
        this._computing = waiting;
      });
    }
    return compute.call(this);
  };
}

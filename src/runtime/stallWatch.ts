// One timer for the stall deadlines of every pending cell, instead of a timer per cell per run.

/**
 * Calls a watched callback once it has waited `ms` without being cleared. A slider's change sets
 * a dozen cells pending and settles them in the same task: with a timer each, that was a
 * `setTimeout` and two `clearTimeout`s per cell per change; here it is two map writes, and one
 * timer at a time for the whole page.
 */
export class StallWatch {
  // Insertion order is deadline order: every deadline is `now() + ms`, and a restart moves its
  // entry to the end. So the first entry not yet due is the next one to wait for.
  readonly #deadlines = new Map<() => void, number>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly ms: number,
    readonly now: () => number = () => performance.now(),
  ) {}

  /** Starts, or restarts, the wait of `onStall`. */
  watch(onStall: () => void): void {
    const at = this.now() + this.ms;
    this.#deadlines.delete(onStall);
    this.#deadlines.set(onStall, at);
    if (this.#timer === undefined) this.#wake(at);
  }

  /** Stops the wait of `onStall` (it settled). */
  clear(onStall: () => void): void {
    this.#deadlines.delete(onStall);
  }

  #wake(at: number): void {
    this.#timer = setTimeout(() => this.#check(), Math.max(0, at - this.now()));
  }

  #check(): void {
    this.#timer = undefined;
    const now = this.now();
    for (const [onStall, at] of this.#deadlines) {
      if (at > now) return this.#wake(at);
      this.#deadlines.delete(onStall);
      try {
        onStall();
      } catch (error) {
        console.error(error); // One cell's notice failing must not stop the others'.
      }
    }
  }
}

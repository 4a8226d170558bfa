// Mutable: a value one cell owns and changes by assignment, which other cells read reactively
// (Observable Framework's `const count = Mutable(0)`; `count.value++` re-runs every reader).

import { observe, type Change } from "./generators.ts";

/** A generator of the values assigned to its `value` property, starting with `value`. */
export type MutableGenerator<T> = Generator<unknown> & { value: T };

/** Creates a Mutable holding `value`. The defining cell sees the object; other cells see its values. */
export function Mutable<T>(value: T): MutableGenerator<T> {
  let change: Change<T> | undefined;
  const generator = observe<T>((_) => {
    change = _;
    if (value !== undefined) change(value);
  });
  return Object.defineProperty(generator, "value", {
    get: () => value,
    set: (x: T) => {
      value = x; // Assigned first: before the runtime's first read, `change` does not exist yet.
      change?.(x);
    },
  }) as MutableGenerator<T>;
}

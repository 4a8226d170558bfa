// An input's first value, so a hot update can tell an input the reader moved (its value is kept)
// from one still at its default (it takes the new definition's default).

const firstValues = new WeakMap<Element, string>();

/** Remembers an input's value when its cell defines it. */
export function noteFirstValue(element: Element): void {
  if (!firstValues.has(element)) firstValues.set(element, describeValue((element as Element & { value: unknown }).value));
}

/** True unless `element` is known and `value` is still its first value. */
export function isMovedInput(element: Element, value: unknown): boolean {
  const first = firstValues.get(element);
  return first === undefined || first !== describeValue(value);
}

// Inputs' values are numbers, strings, booleans, arrays or the chosen items: compared by their JSON.
// A value JSON cannot describe gets a unique text, so it counts as moved (and is kept, as before).
function describeValue(value: unknown): string {
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json;
  } catch {
    // Cyclic or BigInt: fall through.
  }
  return `unique:${Math.random()}`;
}

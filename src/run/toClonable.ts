// A probe's value as the worker can post it: what structured clone takes passes unchanged (numbers,
// strings, plain objects and arrays, Map, Set, Date, RegExp, typed arrays, errors); what it refuses
// comes back as a tagged description, so a value never fails to return.

/** A value structured clone cannot carry, described. */
export type Described =
  /** A DOM node: its outerHTML (an element, e.g. a Plot chart's `<svg>` or `<figure>`) or its text. */
  | { $type: "node"; html: string }
  /** A function: its name and source text. */
  | { $type: "function"; name: string; source: string }
  /** A symbol, a WeakMap, a Promise…: its `String()`. */
  | { $type: "other"; text: string };

/** Copies `value` into something structured-clonable, describing what is not (see {@link Described}). */
export function toClonable(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (value === null || (typeof value !== "object" && typeof value !== "function" && typeof value !== "symbol")) return value;
  if (typeof value === "symbol") return { $type: "other", text: String(value) } satisfies Described;
  if (typeof value === "function") return { $type: "function", name: value.name, source: String(value) } satisfies Described;
  if (seen.has(value)) return seen.get(value);
  if (typeof Node === "function" && value instanceof Node) {
    return { $type: "node", html: value instanceof Element ? value.outerHTML : (value.textContent ?? "") } satisfies Described;
  }
  if (value instanceof Date || value instanceof RegExp || ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Error) return value;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(toClonable(item, seen));
    return copy;
  }
  if (value instanceof Map) {
    const copy = new Map();
    seen.set(value, copy);
    for (const [k, v] of value) copy.set(toClonable(k, seen), toClonable(v, seen));
    return copy;
  }
  if (value instanceof Set) {
    const copy = new Set();
    seen.set(value, copy);
    for (const item of value) copy.add(toClonable(item, seen));
    return copy;
  }
  if (value instanceof Promise || value instanceof WeakMap || value instanceof WeakSet) return { $type: "other", text: String(value) } satisfies Described;
  // Any other object (a class instance too) as its own enumerable fields, as structured clone would.
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const [k, v] of Object.entries(value)) copy[k] = toClonable(v, seen);
  return copy;
}

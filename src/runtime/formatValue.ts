// Pure text for the inspector: one-line previews and the entries of an expandable value.
// Budgets bound every walk, so a huge or cyclic value formats in constant time.

/** An entry of an expanded value: a key as shown (`0`, `name`, `"a" =>`) and its value. */
export interface Entry {
  key: string;
  value: unknown;
}

/** True for values the inspector can expand (arrays, objects, Maps, Sets…), not primitives or functions. */
export function isExpandable(value: unknown): value is object {
  return typeof value === "object" && value !== null && !(value instanceof Date) && !(value instanceof RegExp) && !(value instanceof Error);
}

/** The name shown before an object's preview: `Array(3)`, `Map(2)`, `Point`, or "" for a plain object. */
export function formatTag(value: object): string {
  if (Array.isArray(value)) return `Array(${value.length})`;
  if (ArrayBuffer.isView(value) && "length" in value) return `${value.constructor.name}(${(value as unknown as ArrayLike<unknown>).length})`;
  if (value instanceof Map) return `Map(${value.size})`;
  if (value instanceof Set) return `Set(${value.size})`;
  if (isPromise(value)) return "Promise";
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return "Object";
  const name = (proto.constructor as { name?: unknown } | undefined)?.name;
  return typeof name === "string" && name !== "Object" ? name : "";
}

/** A one-line preview of `value`, at most about `budget` characters. */
export function formatSummary(value: unknown, budget = 80): string {
  return formatWithin(value, budget, 0);
}

function formatWithin(value: unknown, budget: number, depth: number): string {
  if (typeof value === "string") return quote(value, budget);
  if (!isExpandable(value)) return formatAtom(value);
  const tag = formatTag(value);
  if (depth > 1 || budget < 8 || isPromise(value)) return tag || "Object";
  const listLike = Array.isArray(value) || (ArrayBuffer.isView(value) && "length" in value);
  const keyed = !listLike && !(value instanceof Set);
  const [open, close] = listLike ? ["[", "]"] : ["{", "}"];
  const { entries, total } = listEntries(value, 0, 20);
  let text = "";
  let shown = 0;
  for (const { key, value: item } of entries) {
    const room = budget - text.length - tag.length - 6;
    if (room < 4) break;
    const prefix = keyed ? `${key}${value instanceof Map ? " " : ": "}` : "";
    const part = prefix + formatWithin(item, Math.min(room, 40), depth + 1);
    if (part.length > room && shown > 0) break;
    text += (shown ? ", " : "") + part;
    ++shown;
  }
  if (shown < total) text += shown ? ", …" : "…";
  return `${tag ? tag + " " : ""}${open}${text}${close}`;
}

/** Text for a value that does not expand: numbers, booleans, functions, dates, errors… */
export function formatAtom(value: unknown): string {
  switch (typeof value) {
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return `${value}n`;
    case "symbol":
      return value.toString();
    case "function":
      return formatFunction(value);
    case "string":
      return quote(value, Infinity);
    case "undefined":
      return "undefined";
  }
  if (value === null) return "null";
  if (value instanceof Date) return isNaN(+value) ? "Invalid Date" : value.toISOString();
  if (value instanceof RegExp) return String(value);
  if (value instanceof Error) return formatError(value);
  return String(value);
}

/** `TypeError: message`, or just the message for a plain Error. */
export function formatError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error === "string" ? error : formatSummary(error);
  const name = error.name && error.name !== "Error" ? `${error.name}: ` : "";
  return `${name}${error.message}`;
}

function formatFunction(fn: Function): string {
  let source = "";
  try {
    source = Function.prototype.toString.call(fn);
  } catch {
    // Some host functions refuse toString; fall back to the name.
  }
  const kind = /^class\b/.test(source) ? "class" : /^async\b/.test(source) ? "async ƒ" : "ƒ";
  return `${kind} ${fn.name || ""}${kind === "class" ? "" : "(…)"}`.replace(/ \(/, "(");
}

function quote(text: string, budget: number): string {
  const clipped = text.length > budget ? text.slice(0, Math.max(1, budget - 3)) + "…" : text;
  return JSON.stringify(clipped);
}

function isPromise(value: object): boolean {
  return typeof (value as { then?: unknown }).then === "function";
}

/** Up to `limit` entries of `value` starting at `start`, and the total count (own enumerable keys for objects). */
export function listEntries(value: object, start: number, limit: number): { entries: Entry[]; total: number } {
  const entries: Entry[] = [];
  const end = start + limit;
  if (Array.isArray(value) || (ArrayBuffer.isView(value) && "length" in value)) {
    const array = value as ArrayLike<unknown>;
    for (let i = start; i < Math.min(end, array.length); ++i) entries.push({ key: String(i), value: array[i] });
    return { entries, total: array.length };
  }
  if (value instanceof Map || value instanceof Set) {
    let i = 0;
    for (const item of value instanceof Map ? value.entries() : value.values()) {
      if (i >= end) break;
      if (i++ < start) continue;
      if (value instanceof Map) {
        const [k, v] = item as [unknown, unknown];
        entries.push({ key: `${formatWithin(k, 30, 1)} =>`, value: v });
      } else entries.push({ key: String(i - 1), value: item });
    }
    return { entries, total: value.size };
  }
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch {
    return { entries, total: 0 };
  }
  for (const key of keys.slice(start, end)) entries.push({ key: formatKey(key), value: readProperty(value, key) });
  return { entries, total: keys.length };
}

function formatKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}

function readProperty(object: object, key: string): unknown {
  try {
    return (object as Record<string, unknown>)[key];
  } catch (error) {
    return error; // A throwing getter shows its error rather than breaking the inspector.
  }
}

// An exercise's fingerprint: what the build stores of its check evaluated against the solution,
// and the one way the page, `lesson check` and `lesson verify` compare a student's probe values with
// it. Values are first encoded to JSON (encodeProbe), so the page's live values and the Node
// runner's cloned ones compare alike. Hashing uses Web Crypto, present in browsers and in Node.

/** A probe's value as JSON: numbers that JSON cannot hold, undefined, maps, sets… are tagged objects. */
export type ProbeValue = null | boolean | number | string | ProbeValue[] | { [key: string]: ProbeValue };

/** One probe's expected value: as it is, or (`check sealed`) only as hashes of its rounding. */
export type ExpectedProbe = { value: ProbeValue } | { hash: string };

/** The check's expected values for one variant (seed). */
export interface FingerprintVariant {
  seed: number;
  expected: ExpectedProbe[];
}

/** What the page knows of an exercise's answer: one variant per seed the build fixed. */
export interface ExerciseFingerprint {
  variants: FingerprintVariant[];
}

/** Absolute floor of the comparison, so an expected 0 accepts floating-point noise such as 1e-15. */
export const ABSOLUTE_FLOOR = 1e-12;

/** A value from the page or the runner as a ProbeValue (plain data, keys sorted). */
export function encodeProbe(value: unknown, depth = 0): ProbeValue {
  if (depth > 20) return { $type: "deep" };
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? (Object.is(value, -0) ? 0 : value) : { $number: String(value) };
  if (value === undefined) return { $type: "undefined" };
  if (typeof value === "bigint") return { $bigint: String(value) };
  if (typeof value === "function") return { $type: "function" };
  if (typeof value !== "object") return { $type: typeof value };
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return Array.from(value as ArrayLike<unknown>, (item) => encodeProbe(item, depth + 1));
  if (value instanceof Map) return { $map: [...value].map(([k, v]) => [encodeProbe(k, depth + 1), encodeProbe(v, depth + 1)]) };
  if (value instanceof Set) return { $set: [...value].map((v) => encodeProbe(v, depth + 1)) };
  if (value instanceof Date) return { $date: value.toISOString() };
  const record = value as Record<string, unknown>;
  // The Node runner sends functions and nodes as {$type, …}: the page cannot match their source.
  if (record.$type === "function") return { $type: "function" };
  if (typeof Node !== "undefined" && value instanceof Node) return { $type: "node" };
  const out: Record<string, ProbeValue> = {};
  for (const key of Object.keys(record).sort()) out[key] = encodeProbe(record[key], depth + 1);
  return out;
}

/** True when two numbers agree within `tolerance` relative to the larger, or within ABSOLUTE_FLOOR. */
export function isClose(a: number, b: number, tolerance: number): boolean {
  if (Object.is(a, b) || a === b) return true;
  const difference = Math.abs(a - b);
  return difference <= ABSOLUTE_FLOOR || difference <= tolerance * Math.max(Math.abs(a), Math.abs(b));
}

/** True when `actual` matches `expected`: numbers within tolerance, arrays and objects deeply. */
export function isSameProbe(expected: ProbeValue, actual: ProbeValue, tolerance: number): boolean {
  if (typeof expected === "number" && typeof actual === "number") return isClose(expected, actual, tolerance);
  if (expected === null || actual === null || typeof expected !== "object" || typeof actual !== "object") return expected === actual;
  if (Array.isArray(expected) !== Array.isArray(actual)) return false;
  if (Array.isArray(expected)) {
    const other = actual as ProbeValue[];
    return expected.length === other.length && expected.every((item, i) => isSameProbe(item, other[i], tolerance));
  }
  const keys = Object.keys(expected);
  const other = actual as Record<string, ProbeValue>;
  return keys.length === Object.keys(other).length && keys.every((key) => key in other && isSameProbe(expected[key], other[key], tolerance));
}

/** Significant digits a sealed number is rounded to: about -log10(tolerance), from 1 to 15. */
export function sealDigits(tolerance: number): number {
  return Math.min(15, Math.max(1, Math.round(-Math.log10(tolerance > 0 ? tolerance : 1e-15))));
}

/** `value` with every number rounded to `digits` significant digits (numbers near 0 become 0). */
function roundProbe(value: ProbeValue, digits: number): ProbeValue {
  if (typeof value === "number") return Math.abs(value) < ABSOLUTE_FLOOR ? 0 : Number(value.toPrecision(digits));
  if (Array.isArray(value)) return value.map((item) => roundProbe(item, digits));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundProbe(v, digits)]));
  return value;
}

/** What a sealed probe's hash is taken of: the exercise, the probe, the seed and the rounded value. */
export interface SealPlace {
  exercise: string;
  probe: number;
  seed: number;
  tolerance: number;
}

async function digest(place: SealPlace, value: ProbeValue): Promise<string> {
  const text = JSON.stringify([place.exercise, place.probe, place.seed, value]);
  const bytes = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The hash the build stores for a sealed probe's expected value. */
export function sealProbe(value: ProbeValue, place: SealPlace): Promise<string> {
  return digest(place, roundProbe(value, sealDigits(place.tolerance)));
}

/**
 * True when `actual` matches a sealed probe. A number is tried rounded and one unit of its last
 * kept digit above and below, so a value that rounds across a boundary (0.1234565 vs 0.1234564…)
 * still matches; numbers inside arrays and objects are only rounded.
 */
export async function matchesSeal(hash: string, actual: ProbeValue, place: SealPlace): Promise<boolean> {
  const digits = sealDigits(place.tolerance);
  const candidates: ProbeValue[] = [roundProbe(actual, digits)];
  if (typeof actual === "number" && Number.isFinite(actual) && Math.abs(actual) >= ABSOLUTE_FLOOR) {
    const unit = 10 ** (Math.floor(Math.log10(Math.abs(actual))) - digits + 1);
    candidates.push(roundProbe(actual + unit, digits), roundProbe(actual - unit, digits));
  }
  for (const candidate of candidates) if ((await digest(place, candidate)) === hash) return true;
  return false;
}

/** The index of the first probe that does not match its expected value, or -1 when all match. */
export async function findFirstMismatch(exercise: string, variant: FingerprintVariant, actual: readonly ProbeValue[], tolerance: number): Promise<number> {
  for (let i = 0; i < variant.expected.length; i++) {
    const expected = variant.expected[i];
    const value = actual[i] ?? { $type: "undefined" };
    const ok = "hash" in expected
      ? await matchesSeal(expected.hash, value, { exercise, probe: i, seed: variant.seed, tolerance })
      : isSameProbe(expected.value, value, tolerance);
    if (!ok) return i;
  }
  return actual.length > variant.expected.length ? variant.expected.length : -1;
}

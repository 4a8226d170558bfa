// What a share link may carry, in a file of its own so the page can check for a link without
// loading the compression code (share.ts loads on demand).

/** A value an input may take in a link: JSON data only. */
export type SharedValue = null | boolean | number | string | SharedValue[];

/** The hash prefix of a share link. */
export const SHARE_PREFIX = "#share=";

/** Limits on links, in both directions. */
export const SHARE_LIMITS = {
  hash: 64_000,
  json: 400_000,
  cells: 200,
  source: 100_000,
  inputs: 100,
  string: 10_000,
  array: 1000,
};

/** True when a URL hash looks like a share link (it may still be invalid). */
export function isShareHash(hash: string): boolean {
  return hash.startsWith(SHARE_PREFIX);
}

/** True for a value a link may carry as an input value (finite numbers, bounded strings and arrays). */
export function isSharedValue(value: unknown, depth = 0): value is SharedValue {
  if (value === null || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value === "string") return value.length <= SHARE_LIMITS.string;
  if (Array.isArray(value)) {
    return depth < 2 && value.length <= SHARE_LIMITS.array && value.every((item) => isSharedValue(item, depth + 1));
  }
  return false;
}

// A bounded cache for pure functions of a string: recompiling an edited lesson redoes only what changed.

/**
 * Wraps `compute` (pure, keyed by one string) with a least-recently-used cache of `limit` entries.
 * Keys longer than `maxKeyLength` are not cached, so hostile input cannot fill memory.
 */
export function memoize<T>(compute: (key: string) => T, limit = 2000, maxKeyLength = 100_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (key.length > maxKeyLength) return compute(key);
    const hit = cache.get(key);
    if (hit !== undefined) {
      // Map keeps insertion order: re-inserting marks the entry as most recently used.
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const value = compute(key);
    cache.set(key, value);
    if (cache.size > limit) cache.delete(cache.keys().next().value as string);
    return value;
  };
}

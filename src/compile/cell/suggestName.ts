// "Did you mean": the defined name or builtin closest to an undefined one, by edit distance.

import leven from "leven";
import { builtinNames } from "../../contract/builtins.ts";

/**
 * The name among `defined` and the builtins closest to `name`, when it is close enough to be a slip
 * and not a tie; otherwise undefined. Close enough: two edits (a swap of two letters is two), one
 * edit in three letters for longer names, one for three letters, only case for shorter ones.
 */
export function suggestName(name: string, defined: Iterable<string>): string | undefined {
  const limit = name.length < 3 ? 1 : name.length === 3 ? 1 : Math.max(2, Math.floor(name.length / 3));
  const caseOnly = name.length < 3;
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const candidate of new Set([...defined, ...builtinNames])) {
    if (candidate === name || Math.abs(candidate.length - name.length) > limit) continue;
    // Case alone is one edit: `plot` for `Plot` is a slip, as `Prob` for `prob` is.
    const distance = candidate.toLowerCase() === name.toLowerCase() ? 1 : leven(candidate, name);
    if (distance > limit || (caseOnly && candidate.toLowerCase() !== name.toLowerCase())) continue;
    if (distance < bestDistance) [best, bestDistance, tie] = [candidate, distance, false];
    else if (distance === bestDistance) tie = true;
  }
  return tie ? undefined : best;
}

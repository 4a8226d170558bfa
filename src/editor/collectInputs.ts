// The lesson's inputs (cells built on `view(...)`) and their current values, for share links.

import type { CellDefinition, LessonApi } from "../runtime/types.ts";
import { isSharedValue, type SharedValue } from "./sharedValue.ts";

/** The names the lesson's input cells define: the outputs of cells that call `view`. */
export function findInputNames(definitions: CellDefinition[]): string[] {
  return [...new Set(definitions.filter((d) => d.params.includes("view")).flatMap((d) => d.outputs))];
}

/**
 * The current value of each input that a link can carry (numbers, strings, booleans, short arrays);
 * an input still pending after `wait` ms, or holding anything else, is left out.
 */
export async function collectInputs(
  api: LessonApi,
  names: string[],
  wait = 300,
): Promise<Record<string, SharedValue>> {
  const entries = await Promise.all(
    names.map(async (name): Promise<[string, unknown]> => {
      let timer: ReturnType<typeof setTimeout> | number | undefined;
      const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, wait)));
      try {
        return [name, await Promise.race([api.value(name), timeout])];
      } catch {
        return [name, undefined];
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return Object.fromEntries(entries.filter((entry): entry is [string, SharedValue] => isSharedValue(entry[1])));
}

// The lesson's inputs (cells built on `view(...)`) and their current values, for share links.

import type { CellDefinition, LessonApi } from "../runtime/types.ts";
import { isSharedValue, type SharedValue } from "./sharedValue.ts";

/** The names the lesson's input cells define: the outputs of cells that call `view`. */
export function findInputNames(definitions: CellDefinition[]): string[] {
  return [...new Set(definitions.filter((d) => d.params.includes("view")).flatMap((d) => d.outputs))];
}

/**
 * The inputs a link must never carry: the names defined by a cell whose output in `root` holds a
 * password field (`Inputs.password`, or any `<input type="password">` the cell shows).
 */
export function findSecretInputs(root: ParentNode, definitions: CellDefinition[]): Set<string> {
  const secret = new Set<string>();
  for (const definition of definitions) {
    if (!definition.params.includes("view")) continue;
    const output = root.querySelector(`[data-cell="${CSS.escape(definition.id)}"]`);
    if (output?.querySelector('input[type="password" i]')) for (const name of definition.outputs) secret.add(name);
  }
  return secret;
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

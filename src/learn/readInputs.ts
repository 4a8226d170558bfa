// The lesson's input values when a reader answers a live blank: what the answer depended on, so
// `lesson verify` can set the same values and recompute it.

import type { CellDefinition, LessonApi } from "../runtime/types.ts";

/** A value a record can carry: a finite number, a short string, a boolean or null. */
export type InputValue = number | string | boolean | null;

/** The names the lesson's inputs define: the outputs of cells that call `view`. */
export function findInputs(cells: readonly CellDefinition[]): string[] {
  return [...new Set(cells.filter((cell) => cell.params.includes("view")).flatMap((cell) => cell.outputs))];
}

/** The current value of each input a record can carry; one still pending after `wait` ms is left out. */
export async function readInputs(api: Pick<LessonApi, "value">, names: readonly string[], wait = 300): Promise<Record<string, InputValue>> {
  const values: Record<string, InputValue> = {};
  await Promise.all(
    names.map(async (name) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const value = await Promise.race([api.value(name), new Promise((resolve) => (timer = setTimeout(resolve, wait)))]);
        if (isInputValue(value)) values[name] = value;
      } catch {
        // A failed input is not part of what the answer depended on.
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return values;
}

function isInputValue(value: unknown): value is InputValue {
  return value === null || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value)) || (typeof value === "string" && value.length <= 1000);
}

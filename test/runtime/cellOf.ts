// A cell definition as the compiler would give the runtime, for the runtime's unit tests: each new
// cell sits four lines below the one before.
import type { CellDefinition } from "../../src/runtime/types.ts";

let line = 1;

/** A block cell `id` reading `params`, declaring `outputs` (none: an expression), running `body`. */
export function cellOf(id: string, params: string[], outputs: string[], body: (...args: never[]) => unknown, more: Partial<CellDefinition> = {}): CellDefinition {
  return {
    id,
    line: (line += 4),
    column: 1,
    inline: false,
    lang: "js",
    source: id,
    params,
    inputs: params,
    outputs,
    expression: outputs.length === 0,
    async: false,
    generator: false,
    options: { hide: false, run: true, editable: true },
    body,
    ...more,
  };
}

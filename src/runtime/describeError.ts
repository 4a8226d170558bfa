// Turns a cell's rejection into the text shown in place: its own error, or the input that failed.

import { formatError } from "./formatValue.ts";

/** A rejection as the page reports it. */
export interface ErrorReport {
  /** The full message, e.g. "input `w` failed: boom" or "TypeError: x is not a function". */
  message: string;
  /** The input the error came through, when the cell itself did not throw. */
  input?: string;
  /** `file:line` (or `file:line:col`) of the cell showing the error. */
  location: string;
}

/** Where a name is defined (`file:line`), so an input failure can point at the cell that threw. */
export type LocateName = (name: string) => string | undefined;

/**
 * Describes `error`, thrown by or propagated to the cell at `location` whose graph inputs are `inputs`.
 * The runtime rejects a cell whose input rejected with a RuntimeError carrying `input` (the name).
 */
export function describeError(
  error: unknown,
  inputs: readonly string[],
  location: string,
  locate: LocateName = () => undefined,
): ErrorReport {
  const own = (error as { location?: unknown } | null)?.location;
  if (typeof own === "string") location = own; // A compile diagnostic carries its own line:col.
  const input = inputNameOf(error);
  if (input !== undefined && inputs.includes(input)) {
    const message = (error as Error).message;
    if (message === `${input} is not defined`) return { message: `\`${input}\` is not defined`, input, location };
    const source = locate(input);
    return { message: `input \`${input}\` failed: ${message}${source ? ` (${source})` : ""}`, input, location };
  }
  return { message: formatError(error), location };
}

function inputNameOf(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.name !== "RuntimeError") return undefined;
  const input = (error as Error & { input?: unknown }).input;
  return typeof input === "string" ? input : undefined;
}

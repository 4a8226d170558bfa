// Turns a cell's rejection into the text shown in place: its own error, or the input that failed.

import { formatError } from "./formatValue.ts";

/** A rejection as the page reports it. */
export interface ErrorReport {
  /** The full message, e.g. "input `w` failed: boom" or "TypeError: x is not a function". */
  message: string;
  /** The input the error came through, when the cell itself did not throw. */
  input?: string;
  /**
   * True when the input is another cell's name: the cell waits for that cell, which shows the error
   * itself, so the page shows a compact "waiting for" rather than the error again.
   */
  waiting?: true;
  /** The input's own error, when the cell is waiting (for a tooltip, not for the page). */
  cause?: string;
  /** `file:line` (or `file:line:col`) of the cell showing the error. */
  location: string;
}

/** The .md line of the cell that defines a name, so an input failure can point at it. */
export type LocateName = (name: string) => number | undefined;

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
    const line = locate(input);
    if (line === undefined) return { message: `input \`${input}\` failed: ${message}`, input, location };
    return { message: `waiting for \`${input}\` (line ${line})`, input, waiting: true, cause: message, location };
  }
  return { message: formatError(error), location };
}

function inputNameOf(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.name !== "RuntimeError") return undefined;
  const input = (error as Error & { input?: unknown }).input;
  return typeof input === "string" ? input : undefined;
}

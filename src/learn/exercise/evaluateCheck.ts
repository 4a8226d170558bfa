// Evaluates an exercise's check against the page's current values: the student's code as it runs
// now (an edit included), every other cell as it is. Each probe runs on its own, so one that throws
// is reported by name while the others still count.

import { encodeProbe, type ProbeValue } from "../../contract/exercise.ts";
import type { LessonApi } from "../../runtime/types.ts";
import type { PageExercise } from "./pageExercise.ts";

/** One probe's outcome: its value as JSON, or the error it threw. */
export type ProbeOutcome = { ok: true; value: ProbeValue } | { ok: false; error: string };

/** The check's outcome: the probes', or the input that could not be read (a cell in error). */
export type CheckOutcome =
  | { ok: true; probes: ProbeOutcome[]; /** A call probe's arguments, for the counterexample. */ args(index: number): ProbeValue[] | null }
  | { ok: false; input: string; error: string };

/**
 * Reads the check's inputs from the page and runs every probe over them. `seed` is the exercise's
 * variant (the probes read the exercise's own, which the page keeps).
 */
export async function evaluateCheck(api: Pick<LessonApi, "value">, exercise: PageExercise, seed: number): Promise<CheckOutcome> {
  const values: unknown[] = [];
  for (const name of exercise.inputs) {
    if (name === "seed") {
      values.push(seed);
      continue;
    }
    try {
      values.push(await api.value(name));
    } catch (error) {
      return { ok: false, input: name, error: describe(error) };
    }
  }
  return { ok: true, probes: exercise.probes.map((probe) => runProbe(probe.run, values)), args: (index) => readArguments(exercise.probes[index]?.args, values) };
}

function readArguments(args: ((...inputs: never[]) => unknown[]) | undefined, values: unknown[]): ProbeValue[] | null {
  if (!args) return null;
  try {
    const found = (args as (...inputs: unknown[]) => unknown[])(...values);
    return Array.isArray(found) ? found.map((arg) => encodeProbe(arg)) : null;
  } catch {
    return null;
  }
}

function runProbe(run: (...inputs: never[]) => unknown, values: unknown[]): ProbeOutcome {
  try {
    return { ok: true, value: encodeProbe((run as (...inputs: unknown[]) => unknown)(...values)) };
  } catch (error) {
    return { ok: false, error: describe(error) };
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.replace(/^RuntimeError: /, "") || error.name;
  return String(error);
}

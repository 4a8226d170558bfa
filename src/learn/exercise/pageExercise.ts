// An exercise as the page module hands it over: the compiled exercise without its solution's
// source, the check's probes as functions, and the fingerprint the build computed.

import type { ExerciseFingerprint } from "../../contract/exercise.ts";

/** One probe of the check: its source as the author wrote it and a function over the check's inputs. */
export interface PageProbe {
  source: string;
  run: (...inputs: never[]) => unknown;
  /** The probe's arguments over the same inputs, when it is a call (`dLdw(1)` → [1]). */
  args?: (...inputs: never[]) => unknown[];
}

/** An exercise on the page. */
export interface PageExercise {
  id: string;
  /** The starter cell's id. */
  cell: string;
  /** The .md line of the exercise fence. */
  line: number;
  /** The names the check reads, in the order every probe's function takes them. */
  inputs: string[];
  probes: PageProbe[];
  sealed: boolean;
  tolerance: number;
  /** How many hints follow it. */
  hints: number;
  /** True when the page holds the solution (`solution reveal`), hidden until asked for. */
  reveal: boolean;
  /** The expected values per seed, or null when the build could not compute them (`unavailable` says why). */
  fingerprint: ExerciseFingerprint | null;
  unavailable?: string;
}

/** What `window.lesson.exercises()` lists (DESIGN.md). */
export interface ExerciseSummary {
  id: string;
  state: "unattempted" | "failed" | "passed";
  attempts: number;
  hints: number;
  solutionShown: boolean;
}

// What the page's cells see of an exercise (the `exercises` builtin) is declared once, where the
// cells' types are: the page publishes exactly that shape.
export type { Counterexample, ExerciseStatus } from "../../types/lesson-globals.d.ts";

// What of a lesson's exercises may reach a page: everything but the solution's source, which stays
// only where the author marked it `reveal`. The one place the stripping is done, for every page maker.

import type { Exercise } from "./types.ts";

/** The exercises with every solution's source removed unless `solution reveal`. */
export function publicExercises(exercises: readonly Exercise[]): Exercise[] {
  return exercises.map((exercise) => ({
    ...exercise,
    solution: exercise.solution && (exercise.solution.reveal ? exercise.solution : { ...exercise.solution, source: "" }),
  }));
}

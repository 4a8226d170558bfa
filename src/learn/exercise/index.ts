// The exercises' page API: what a lesson page module imports.

export { installExercises, type ExerciseOptions, type PageExercises } from "./installExercises.ts";
export type { ExerciseSummary, PageExercise, PageProbe } from "./pageExercise.ts";

// Node-side lesson checking: types across cells, lint, and the headless run behind `lesson check`.
export { checkTypes, type CheckTypesOptions } from "./checkTypes.ts";
export { createTypeChecker, type TypeChecker } from "./createTypeChecker.ts";
export { lintLesson } from "./lintLesson.ts";
export { checkLesson, type CheckedLesson, type CheckLessonOptions } from "./checkLesson.ts";
export { runLessons, type LessonServer, type ServeLessons } from "./runLessons.ts";
export { reportCells } from "./reportCells.ts";
export { formatProblems, sortProblems, toJson } from "./problems.ts";
export type { Problem } from "../contract/diagnostic.ts";

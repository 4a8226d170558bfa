// The lesson compiler's public API: Markdown → Lesson, and the per-cell steps the editor reuses.

export type { Blank, BlankAnswer, BlankFeedback, Cell, CellOptions, CompileOptions, Diagnostic, Exercise, ExerciseCheck, ExerciseSolution, FrontMatter, Lesson, LessonLearning, LessonLink, Prediction, Section, Tolerance } from "./types.ts";
export { findProbeArguments, findProbeRanges } from "./markdown/exerciseFence.ts";
export { publicExercises } from "./publicExercises.ts";
export { compileLesson, MAX_LESSON_CHARS } from "./compileLesson.ts";
export { parseMarkdown, type ParsedMarkdown } from "./markdown/parseMarkdown.ts";
export { slugify } from "./markdown/slugify.ts";
export { readFenceInfo, type FenceInfo } from "./markdown/readFenceInfo.ts";
export { renderCell, renderInlineCell } from "./markdown/renderCells.ts";
export * from "./cells.ts";
export { findPrerenderBlocker } from "./cell/findPrerenderBlocker.ts";

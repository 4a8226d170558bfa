// The learning side of the pages (`live-lesson/learn`): what a lesson page's module and the index
// page's module import. The record's API for other item kinds is in ./record/index.ts.

export { installLearning, type LearningOptions, type PageLearning } from "./installLearning.ts";
export { learningItems } from "./learningItems.ts";
export { showIndexProgress } from "./showIndexProgress.ts";

// The Vite plugin of live-lesson: `lessonPlugin({root: "lessons"})`.
export { lessonPlugin } from "./plugin.ts";
export type { LessonPluginOptions } from "./plugin.ts";

// The files the page's checker runs on: a virtual module the Vite plugin makes (src/vite/checkerFiles.ts).
declare module "virtual:live-lesson/checker-files" {
  const files: import("../../typecheck/createLessonService.ts").CheckerFiles;
  export default files;
}

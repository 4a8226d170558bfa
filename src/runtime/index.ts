// The browser runtime: mounts a compiled lesson on @observablehq/runtime.
//
// Page contract: the lesson HTML holds one output element per cell, `[data-cell="<id>"]`
// (div.cell-output inside div.cell for fenced cells, span.cell-inline for `${…}`), whose children
// the runtime owns and whose `data-status` it keeps as pending|fulfilled|rejected. Errors show as
// `.cell-error` (`.cell-error-location` + `.cell-error-message`), compile warnings as
// `.cell-diagnostic.cell-warning` after the output, lesson-level diagnostics in
// `ul.lesson-diagnostics` at the top. theme.css styles all of it.
// A cell pending for 10 s gets a `.cell-notice` ("Still waiting…", role=status) and stops holding
// up `idle()`. After a reader's input settles, the prose sentences whose `${…}` values changed are
// announced through one visually hidden `aria-live="polite"` region (announceChanges.ts).

export { mountLesson } from "./mountLesson.ts";
export { startIndexPage } from "./startIndexPage.ts";
export { startPage, type InstallEditors, type InstallLearning, type LearningStart, type PageEditors, type PageEnvironment, type PageHot, type PageStart } from "./startPage.ts";
export { installThemeToggle } from "./themeToggle.ts";
export { inspect, inspectInline } from "./inspect.ts";
export { Generators } from "./generators.ts";
export { Mutable } from "./mutable.ts";
export { createGuard } from "./deadline.ts";
export type { CellDefinition, CellDisplayOptions, CellState, LessonApi, LessonHandle, LessonModule } from "./types.ts";
export type { Diagnostic } from "../contract/diagnostic.ts";

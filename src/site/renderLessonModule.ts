// The JavaScript module of a lesson page: the compiled lesson as a LessonModule (data, cell bodies,
// import loaders) and one call to the runtime's startPage, which mounts it, or on a hot update (the
// module runs again) hands it to the mounted lesson. All the start-up logic is typed runtime code.
import type { Lesson } from "../compile/index.ts";
import type { Diagnostic } from "../contract/diagnostic.ts";
import { AUTHOR_GUARD_BUDGET_MS } from "../contract/guard.ts";
import type { ExerciseFingerprint } from "../contract/exercise.ts";
import { renderExercises } from "./renderExercises.ts";

/** A cell transpiled to a function: its parameters and the function expression's source. */
export interface TranspiledCell {
  params: string[];
  body: string;
  /** True when the body calls `__guard` (the loop guard): the page gives it one per cell. */
  guarded?: boolean;
}

/** What the module needs besides the lesson. */
export interface ModuleOptions {
  /** The .md path relative to the lessons folder, as error messages show it. */
  file: string;
  /** The transpiled body of each cell, by cell id. */
  transpiled: Map<string, TranspiledCell>;
  /** Import specifiers that cannot be resolved, with the reason; their loaders reject. */
  unresolved: Map<string, string>;
  /** Extra diagnostics found while generating the module (unresolvable imports). */
  diagnostics: Diagnostic[];
  /** Stylesheets every page imports (the runtime theme, the site chrome). */
  styles: string[];
  /**
   * Leave the lesson body out: startPage reads it from the page. Built pages carry it already,
   * with asset URLs rewritten by the build, so it ships once. Dev embeds it for hot updates.
   */
  htmlFromPage?: boolean;
  /** The in-page editor's module (src/editor/index.ts), when there is one. */
  editor?: string;
  /** The learning side's module (src/learn/index.ts), when there is one: blanks, predictions, the record. */
  learn?: string;
  /** src/learn/exercise's module, when the lesson has exercises. */
  exercises?: string;
  /** Each exercise's fingerprint by id, or why there is none (the build computes them with the runner). */
  fingerprints?: Map<string, { fingerprint: ExerciseFingerprint | null; unavailable?: string }>;
  /** Library builtins to load as a subset (LessonModule.libraries): the module id and its members, by builtin name. */
  libraries?: Record<string, { id: string; members: string[] }>;
}

/** True when the rendered HTML contains KaTeX output, so the page needs KaTeX's stylesheet. */
export function isUsingKatex(html: string): boolean {
  return /class="katex/.test(html);
}

const json = (value: unknown) => JSON.stringify(value).replace(/<\/(script)/gi, "<\\/$1");

/** Every module specifier the lesson's cells import, in first-use order. */
export function collectImports(lesson: Lesson): string[] {
  return [...new Set(lesson.cells.flatMap((cell) => cell.imports))];
}

function renderCell(lesson: Lesson, index: number, transpiledCells: Map<string, TranspiledCell>): string {
  const cell = lesson.cells[index];
  const transpiled = transpiledCells.get(cell.id) ?? { params: [], body: "function() {}" };
  const fields = {
    id: cell.id,
    line: cell.line,
    column: cell.column,
    inline: cell.inline,
    lang: cell.lang,
    source: cell.source,
    params: transpiled.params,
    inputs: cell.inputs,
    outputs: cell.outputs,
    expression: cell.expression,
    async: cell.async,
    generator: cell.generator,
    options: cell.options,
    ...(cell.exercise !== undefined ? { exercise: cell.exercise } : {}),
  };
  // The body is code, not data: it is spliced in as a function expression (the newline ends any
  // trailing line comment of the cell). A guarded body (transpileCells) gets its own guard, with the
  // author's budget (contract/guard.ts says why it is larger than an edit's).
  const body = transpiled.guarded ? `((__guard) => (${transpiled.body}\n))(createGuard(${AUTHOR_GUARD_BUDGET_MS}))` : `(${transpiled.body}\n)`;
  return `    {...${json(fields)}, body: ${body}}`;
}

function renderLoader(specifier: string, options: ModuleOptions): string {
  const reason = options.unresolved.get(specifier);
  // A literal import() lets Vite resolve, pre-bundle and code-split each module on its own.
  return reason === undefined
    ? `    ${json(specifier)}: () => import(${json(specifier)})`
    : `    ${json(specifier)}: () => Promise.reject(new Error(${json(reason)}))`;
}

function renderLibraries(options: ModuleOptions): string {
  const entries = Object.entries(options.libraries ?? {});
  if (entries.length === 0) return "";
  const rendered = entries.map(([name, { id, members }]) => `    ${json(name)}: {members: ${json(members)}, load: () => import(${json(id)})}`);
  return `\n  libraries: {\n${rendered.join(",\n")}\n  },`;
}

/**
 * The source of the lesson's cells as an array expression of CellDefinitions, the page's own: it
 * reads `createGuard` (live-lesson/runtime's) from its scope when a body is guarded. The Node-side
 * runner (src/run/) evaluates the same source, so a lesson runs there as it runs in the page.
 */
export function renderCells(lesson: Lesson, transpiled: Map<string, TranspiledCell>): string {
  return `[\n${lesson.cells.map((_, index) => renderCell(lesson, index, transpiled)).join(",\n")}\n  ]`;
}

// A built page holds its lesson, prerendered outputs included: let the browser paint it before the
// runtime starts. A module script runs as soon as the document is parsed, before the next frame, so
// without this wait the page's first complete frame came only after the runtime had mounted every
// cell (a trace of the worked example, cold: first paint of the header at 0.8 s, of the charts
// after 0.5 s more of script). The timeout after the frame runs once that frame has painted. A page
// in the background gets no frames: one opened there starts at once, one hidden while it waits
// starts then.
const afterFirstPaint = `// Paint the prerendered page first; then start it.
await new Promise((resolve) => {
  if (document.visibilityState !== "visible") return resolve();
  requestAnimationFrame(() => setTimeout(resolve));
  document.addEventListener("visibilitychange", resolve, {once: true});
});

`;

/** The source of a lesson page's module: `export const lesson`, then `startPage`. */
export function renderLessonModule(lesson: Lesson, options: ModuleOptions): string {
  const styles = [...options.styles, ...(isUsingKatex(lesson.html) ? ["katex/dist/katex.min.css"] : [])];
  const diagnostics: Diagnostic[] = [...lesson.diagnostics, ...options.diagnostics].map(
    ({ severity, code, message, line, column, cell }) => ({ severity, code, message, line, column, ...(cell ? { cell } : {}) }),
  );
  const exercises = options.exercises && lesson.exercises.length ? renderExercises(lesson, options.fingerprints ?? new Map()) : "";
  const guarded = [...options.transpiled.values()].some((cell) => cell.guarded) || exercises.includes("createGuard()");
  const loaders = collectImports(lesson).map((specifier) => renderLoader(specifier, options));
  return `import {${guarded ? "startPage, createGuard" : "startPage"}} from "live-lesson/runtime";
${options.editor ? `import {installEditors} from ${json(options.editor)};\n` : ""}${options.learn ? `import {installLearning} from ${json(options.learn)};\n` : ""}${exercises ? `import {installExercises} from ${json(options.exercises)};\n` : ""}${styles.map((style) => `import ${json(style)};`).join("\n")}

/** The compiled lesson (a LessonModule). */
export const lesson = {
  file: ${json(options.file)},
  title: ${json(lesson.title)},${options.htmlFromPage ? "" : `\n  html: ${json(lesson.html)},`}
  diagnostics: ${json(diagnostics)},
  cells: ${renderCells(lesson, options.transpiled)},
  modules: {
${loaders.join(",\n")}
  },${renderLibraries(options)}${exercises ? `\n  exercises: ${exercises},` : ""}
};

${options.learn ? `/** Its blanks, predictions and sections (Lesson.learning). */\nexport const learning = ${json(lesson.learning)};\n\n` : ""}${options.htmlFromPage ? afterFirstPaint : ""}startPage({lesson, hot: import.meta.hot${options.editor ? ", installEditors" : ""}${options.learn ? ", learning, installLearning" : ""}${exercises ? ", installExercises" : ""}});
// A hot update runs the new version of this module, whose startPage updates the mounted lesson.
if (import.meta.hot) import.meta.hot.accept();
`;
}

/** The module of the index page: the theme and its toggle, no lesson runtime. */
export function renderShellModule(styles: string[], learn?: string): string {
  return `import {startIndexPage} from "live-lesson/runtime";
${learn ? `import {showIndexProgress} from ${json(learn)};\n` : ""}${styles.map((style) => `import ${json(style)};`).join("\n")}

startIndexPage();${learn ? "\nshowIndexProgress();" : ""}
`;
}

// The JavaScript module of a lesson page: the compiled lesson as a LessonModule, mounted once and
// handed to the running page again on every hot update.
import type { Lesson } from "../compile/index.ts";
import type { PageDiagnostic } from "../runtime/types.ts";

/** A cell transpiled to a function: its parameters and the function expression's source. */
export interface TranspiledCell {
  params: string[];
  body: string;
  /** True when the body calls `__guard` (src/editor/guard.ts): the page gives it one per cell. */
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
  diagnostics: PageDiagnostic[];
  /** Stylesheets every page imports (the runtime theme, the site chrome). */
  styles: string[];
  /**
   * Read the lesson body from the page instead of embedding it: built pages carry it already,
   * with asset URLs rewritten by the build, so it ships once. Dev embeds it for hot updates.
   */
  htmlFromPage?: boolean;
  /** The in-page editor's module (src/editor/index.ts), when there is one. */
  editor?: string;
  /** Dev: ask the server for the lesson's type warnings and show them in place as they come. */
  typeWarnings?: boolean;
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

function renderCell(lesson: Lesson, index: number, options: ModuleOptions): string {
  const cell = lesson.cells[index];
  const transpiled = options.transpiled.get(cell.id) ?? { params: [], body: "function() {}" };
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
  };
  // The body is code, not data: it is spliced in as a function expression (the newline ends any
  // trailing line comment of the cell). A guarded body (transpileCells) gets its own guard.
  const body = transpiled.guarded ? `((__guard) => (${transpiled.body}\n))(createGuard())` : `(${transpiled.body}\n)`;
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

/** The source of a lesson page's module: `export const lesson`, mounted into `<main id="lesson">`. */
export function renderLessonModule(lesson: Lesson, options: ModuleOptions): string {
  const styles = [...options.styles, ...(isUsingKatex(lesson.html) ? ["katex/dist/katex.min.css"] : [])];
  const diagnostics: PageDiagnostic[] = [...lesson.diagnostics, ...options.diagnostics].map(
    ({ severity, code, message, line, column, cell }) => ({ severity, code, message, line, column, ...(cell ? { cell } : {}) }),
  );
  const cells = lesson.cells.map((_, index) => renderCell(lesson, index, options));
  const guarded = [...options.transpiled.values()].some((cell) => cell.guarded);
  const loaders = collectImports(lesson).map((specifier) => renderLoader(specifier, options));
  return `import {mountLesson, installThemeToggle} from "live-lesson/runtime";
${guarded ? `import {createGuard} from "live-lesson/runtime";\n` : ""}
${options.editor ? `import {installEditors} from ${json(options.editor)};\n` : ""}${styles.map((style) => `import ${json(style)};`).join("\n")}

/** The compiled lesson (a LessonModule). */
export const lesson = {
  file: ${json(options.file)},
  title: ${json(lesson.title)},
  html: ${options.htmlFromPage ? `document.getElementById("lesson")?.innerHTML ?? ""` : json(lesson.html)},
  diagnostics: ${json(diagnostics)},
  cells: [
${cells.join(",\n")}
  ],
  modules: {
${loaders.join(",\n")}
  },${renderLibraries(options)}
};

// Mount once; a hot update hands the new lesson to the same handle, which redefines only the
// cells that changed and keeps every input's value.
let handle = import.meta.hot?.data.handle;
${options.editor ? "let editors = import.meta.hot?.data.editors;\n" : ""}if (!handle) {
  handle = mountLesson(lesson, document.getElementById("lesson") ?? document.body);
${options.editor ? `  editors = installEditors(handle, {lessonKey: lesson.file, authorCells: lesson.cells, root: document.getElementById("lesson") ?? undefined});\n` : ""}  const toggle = document.querySelector("[data-theme-toggle]");
  if (toggle) installThemeToggle(toggle);
}
if (import.meta.hot) {
  import.meta.hot.data.handle = handle;
${options.editor ? "  import.meta.hot.data.editors = editors;\n" : ""}  import.meta.hot.accept((next) => {
    if (!next) return;
    handle.update(next.lesson);
${options.editor ? "    editors.refresh(next.lesson.cells);\n" : ""}  });
${options.typeWarnings ? `  // Type errors across cells arrive from the dev server's checker after the page is up. Vite drops
  // an old module's listeners when the new one runs, so each version listens; only the first asks.
  import.meta.hot.on("live-lesson:type-warnings", (data) => {
    if (data.file === lesson.file) handle.setWarnings(data.diagnostics);
  });
  if (!import.meta.hot.data.askedTypes) {
    import.meta.hot.data.askedTypes = true;
    import.meta.hot.send("live-lesson:type-check", {file: lesson.file});
  }
` : ""}}
`;
}

/** The module of the index page: the theme and its toggle, no lesson runtime. */
export function renderShellModule(styles: string[]): string {
  return `import {installThemeToggle} from "live-lesson/runtime";
${styles.map((style) => `import ${json(style)};`).join("\n")}
const toggle = document.querySelector("[data-theme-toggle]");
if (toggle) installThemeToggle(toggle);
`;
}

// The page module is run, not read: written to a scratch file with the runtime and the editor
// replaced by recorders, imported, and its lesson and its one startPage call inspected.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Parser } from "acorn";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { Cell, Lesson } from "../../src/compile/index.ts";
import { AUTHOR_GUARD_BUDGET_MS, GUARD_BUDGET_MS } from "../../src/contract/guard.ts";
import type { PageStart } from "../../src/runtime/startPage.ts";
import type { CellDefinition, LessonModule } from "../../src/runtime/types.ts";
import { collectImports, isUsingKatex, renderLessonModule, renderShellModule, type ModuleOptions, type TranspiledCell } from "../../src/site/renderLessonModule.ts";

function cell(id: string, fields: Partial<Cell> = {}): Cell {
  return {
    id,
    line: 3,
    column: 1,
    lang: "ts",
    inline: false,
    source: "1",
    js: "1",
    inputs: [],
    outputs: [],
    expression: true,
    async: false,
    generator: false,
    imports: [],
    options: { hide: false, run: true, editable: true },
    ...fields,
  };
}

const lesson: Lesson = {
  exercises: [],
  file: "a.md",
  title: "A </script> lesson",
  frontMatter: {},
  html: '<p>x</p><div data-cell="c1" data-status="pending"></div>',
  cells: [
    cell("c1", { inputs: ["x"], imports: ["live-lesson/math"] }),
    cell("c2", { outputs: ["x"], imports: ["live-lesson/math", "missing-pkg"] }),
  ],
  diagnostics: [{ severity: "warning", code: "w", message: "careful", line: 2, column: 1 }],
  learning: { version: "v1", blanks: [], predictions: [], sections: [] },
  links: [],
  anchors: [],
};

const transpiled = new Map<string, TranspiledCell>([
  ["c1", { params: ["x", "__import"], body: "function(x, __import) { return x + 1; }" }],
  ["c2", { params: ["__import"], body: "async function(__import) { const x = 1; return {x}; } // a trailing comment" }],
]);

const options: ModuleOptions = {
  file: "a.md",
  transpiled,
  unresolved: new Map([["missing-pkg", 'Cannot find module "missing-pkg"']]),
  diagnostics: [{ severity: "error", code: "unresolved-import", message: 'Cannot find module "missing-pkg"', line: 3, column: 1, cell: "c2" }],
  styles: ["/theme.css"],
};

const scratch = fileURLToPath(new URL("../../node_modules/.live-lesson-test/", import.meta.url));
mkdirSync(scratch, { recursive: true });
const dir = mkdtempSync(join(scratch, "module-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let count = 0;

/** What a run of the module did: the lesson it exports and the startPage calls it made. */
interface Run {
  lesson: LessonModule;
  starts: (PageStart | "index")[];
  guards: number;
  budgets: unknown[];
}

/** Runs a page module with the runtime and the editor replaced by recorders. */
async function run(source: string): Promise<Run> {
  const recorder = { starts: [] as (PageStart | "index")[], guards: 0, budgets: [] as unknown[] };
  (globalThis as { __recorder?: typeof recorder }).__recorder = recorder;
  const runtime = join(dir, "runtime.mjs");
  writeFileSync(
    runtime,
    "export const startPage = (start) => globalThis.__recorder.starts.push(start);\n" +
      "export const startIndexPage = () => globalThis.__recorder.starts.push('index');\n" +
      "export const createGuard = (budget) => (globalThis.__recorder.guards++, globalThis.__recorder.budgets.push(budget), () => {});\n",
  );
  writeFileSync(join(dir, "editor.mjs"), "export const installEditors = () => ({ refresh() {} });\n");
  writeFileSync(join(dir, "learn.mjs"), "export const installLearning = () => ({ destroy() {} });\n");
  const file = join(dir, `page-${count++}.mjs`);
  const code = source
    .replace('from "live-lesson/runtime"', `from ${JSON.stringify(pathToFileURL(runtime).href)}`)
    .replace(/^import "[^"]*\.css";$/gm, "");
  writeFileSync(file, code);
  const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { lesson: LessonModule };
  return { lesson: module.lesson, ...recorder };
}

describe("renderLessonModule", () => {
  it("is a valid ES module that exports the lesson and starts the page once with it", async () => {
    const source = renderLessonModule(lesson, options);
    expect(() => Parser.parse(source, { ecmaVersion: "latest", sourceType: "module" })).not.toThrow();
    expect(source).not.toContain("</script");
    const { lesson: module, starts } = await run(source);
    expect(starts).toHaveLength(1);
    expect((starts[0] as PageStart).lesson).toBe(module);
    expect((starts[0] as PageStart).installEditors).toBeUndefined();
    expect(module).toMatchObject({ file: "a.md", title: "A </script> lesson", html: lesson.html });
    expect(module.diagnostics.map((d) => d.code)).toEqual(["w", "unresolved-import"]);
  });

  it("defines each cell with its fields and its transpiled body as a function", async () => {
    const { lesson: module } = await run(renderLessonModule(lesson, options));
    expect(module.cells.map((c: CellDefinition) => [c.id, c.params, c.outputs])).toEqual([
      ["c1", ["x", "__import"], []],
      ["c2", ["__import"], ["x"]],
    ]);
    const [first, second] = module.cells as unknown as { body: (...args: unknown[]) => unknown }[];
    expect(first.body(41)).toBe(42);
    await expect(second.body()).resolves.toEqual({ x: 1 });
  });

  it("loads each imported module through a loader, rejecting the unresolvable", async () => {
    expect(collectImports(lesson)).toEqual(["live-lesson/math", "missing-pkg"]);
    const { lesson: module } = await run(renderLessonModule(lesson, options));
    expect(Object.keys(module.modules)).toEqual(["live-lesson/math", "missing-pkg"]);
    await expect(module.modules["missing-pkg"]()).rejects.toThrow('Cannot find module "missing-pkg"');
  });

  it("gives a guarded cell a guard of its own", async () => {
    const guarded = new Map<string, TranspiledCell>([...transpiled, ["c1", { ...transpiled.get("c1")!, guarded: true }]]);
    const { lesson: module, guards, budgets } = await run(renderLessonModule(lesson, { ...options, transpiled: guarded }));
    expect(guards).toBe(1);
    // An author cell gets the author's budget, larger than an edit's: a slow machine must not stop it.
    expect(AUTHOR_GUARD_BUDGET_MS).toBeGreaterThan(GUARD_BUDGET_MS);
    expect(budgets).toEqual([AUTHOR_GUARD_BUDGET_MS]);
    expect((module.cells[0] as unknown as { body: (x: number) => number }).body(1)).toBe(2);
  });

  it("leaves the body out for built pages (startPage reads it from the page), and starts them once their first frame has painted", async () => {
    const frames: (() => void)[] = [];
    const globals = globalThis as { document?: unknown; requestAnimationFrame?: unknown };
    const listeners: (() => void)[] = [];
    globals.document = { visibilityState: "visible", addEventListener: (_: string, listener: () => void) => listeners.push(listener) };
    globals.requestAnimationFrame = (callback: () => void) => frames.push(callback);
    try {
      const running = run(renderLessonModule(lesson, { ...options, htmlFromPage: true }));
      await vi.waitFor(() => expect(frames).toHaveLength(1));
      expect((globalThis as { __recorder?: Run }).__recorder?.starts).toEqual([]);
      frames[0]();
      const { lesson: module, starts } = await running;
      expect(starts).toHaveLength(1);
      expect(module).not.toHaveProperty("html");
      // A page in the background gets no frames: one hidden while it waits starts then, one
      // opened there starts at once.
      const hiding = run(renderLessonModule(lesson, { ...options, htmlFromPage: true }));
      await vi.waitFor(() => expect(frames).toHaveLength(2));
      listeners.at(-1)!();
      expect((await hiding).starts).toHaveLength(1);
      globals.document = { visibilityState: "hidden" };
      expect((await run(renderLessonModule(lesson, { ...options, htmlFromPage: true }))).starts).toHaveLength(1);
      expect(frames).toHaveLength(2);
    } finally {
      delete globals.document;
      delete globals.requestAnimationFrame;
    }
  });

  it("loads a library subset through a loader, and has none without one", async () => {
    expect((await run(renderLessonModule(lesson, options))).lesson.libraries).toBeUndefined();
    const libraries = { Plot: { id: "virtual:live-lesson/library/Plot/a", members: ["dot", "plot"] } };
    const { lesson: module } = await run(renderLessonModule(lesson, { ...options, libraries }));
    expect(module.libraries?.Plot.members).toEqual(["dot", "plot"]);
    expect(typeof module.libraries?.Plot.load).toBe("function");
  });

  it("hands the editor to startPage when the page has one", async () => {
    const source = renderLessonModule(lesson, { ...options, editor: "/src/editor/index.ts" });
    const { starts } = await run(source.replace('"/src/editor/index.ts"', JSON.stringify(pathToFileURL(join(dir, "editor.mjs")).href)));
    expect(typeof (starts[0] as PageStart).installEditors).toBe("function");
  });

  it("hands the lesson's learning data and installLearning to startPage when the page has them", async () => {
    const source = renderLessonModule(lesson, { ...options, learn: "/src/learn/index.ts" });
    const { starts } = await run(source.replace('"/src/learn/index.ts"', JSON.stringify(pathToFileURL(join(dir, "learn.mjs")).href)));
    const start = starts[0] as PageStart;
    expect(typeof start.installLearning).toBe("function");
    expect(start.learning).toEqual(JSON.parse(JSON.stringify(lesson.learning)));
    expect((starts[0] as PageStart).installEditors).toBeUndefined();
    expect((await run(renderLessonModule(lesson, options))).starts[0]).not.toHaveProperty("learning");
  });

  it("accepts hot updates: a new version runs again and calls startPage", () => {
    const source = renderLessonModule(lesson, options);
    expect(source).toContain("startPage({lesson, hot: import.meta.hot});");
    expect(source).toContain("if (import.meta.hot) import.meta.hot.accept();");
  });

  it("imports the site's styles, and KaTeX's only when the page has math", () => {
    const math = '<span class="katex"><span class="katex-mathml"></span></span>';
    expect(isUsingKatex(math)).toBe(true);
    expect(renderLessonModule(lesson, options)).not.toContain("katex");
    expect(renderLessonModule({ ...lesson, html: math }, options)).toContain('import "katex/dist/katex.min.css";');
    expect(renderLessonModule(lesson, options)).toContain('import "/theme.css";');
  });
});

describe("renderShellModule", () => {
  it("imports the styles and starts the index page, without the lesson runtime", async () => {
    const source = renderShellModule(["/theme.css"]);
    expect(source).toContain('import "/theme.css";');
    const { starts } = await run(source);
    expect(starts).toEqual(["index"]);
  });
});

import { Parser } from "acorn";
import { describe, expect, it } from "vitest";
import type { Cell, Lesson } from "../../src/compile/types.ts";
import { collectImports, isUsingKatex, renderLessonModule, type ModuleOptions } from "../../src/site/renderLessonModule.ts";

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
  file: "a.md",
  title: "A </script> lesson",
  frontMatter: {},
  html: '<p>x</p><div data-cell="c1" data-status="pending"></div>',
  cells: [
    cell("c1", { inputs: ["x"], imports: ["live-lesson/math"] }),
    cell("c2", { outputs: ["x"], imports: ["live-lesson/math", "missing-pkg"] }),
  ],
  diagnostics: [{ severity: "warning", code: "w", message: "careful", line: 2, column: 1 }],
};

const transpiled = new Map([
  ["c1", { params: ["x", "__import"], body: "function(x, __import) { return x + 1; }" }],
  ["c2", { params: ["__import"], body: "async function(__import) { const x = 1; return {x}; }" }],
]);

function render(html = lesson.html, extra: Partial<ModuleOptions> = {}) {
  return renderLessonModule(
    { ...lesson, html },
    {
      file: "a.md",
      transpiled,
      unresolved: new Map([["missing-pkg", 'Cannot find module "missing-pkg"']]),
      diagnostics: [],
      styles: ["/theme.css"],
      ...extra,
    },
  );
}

describe("renderLessonModule", () => {
  it("is a valid ES module", () => {
    expect(() => Parser.parse(render(), { ecmaVersion: "latest", sourceType: "module" })).not.toThrow();
  });

  it("defines each cell once, with its transpiled body as code", () => {
    const source = render();
    expect(source.match(/body: \(/g)).toHaveLength(2);
    expect(source).toContain("body: (function(x, __import) { return x + 1; }\n)");
    expect(source).toContain('"params":["x","__import"]');
  });

  it("imports each module a cell uses through a loader, rejecting the unresolvable", () => {
    expect(collectImports(lesson)).toEqual(["live-lesson/math", "missing-pkg"]);
    const source = render();
    expect(source).toContain('"live-lesson/math": () => import("live-lesson/math")');
    expect(source).not.toContain('import("missing-pkg")');
    expect(source).toContain('"missing-pkg": () => Promise.reject(');
  });

  it("loads a library subset through a loader, and none without one", () => {
    expect(render()).not.toContain("libraries:");
    const source = render(lesson.html, { libraries: { Plot: { id: "virtual:live-lesson/library/Plot/a", members: ["dot", "plot"] } } });
    expect(source).toContain('"Plot": {members: ["dot","plot"], load: () => import("virtual:live-lesson/library/Plot/a")}');
    expect(() => Parser.parse(source, { ecmaVersion: "latest", sourceType: "module" })).not.toThrow();
  });

  it("mounts the lesson and accepts hot updates", () => {
    const source = render();
    expect(source).toContain('import {mountLesson, installThemeToggle} from "live-lesson/runtime";');
    expect(source).toContain("import.meta.hot.accept((next) =>");
    expect(source).toContain("handle.update(next.lesson)");
    expect(source).not.toContain("</script");
  });

  it("imports KaTeX's stylesheet only when the page has math", () => {
    expect(render()).not.toContain("katex");
    const math = '<span class="katex"><span class="katex-mathml"></span></span>';
    expect(isUsingKatex(math)).toBe(true);
    expect(render(math)).toContain('import "katex/dist/katex.min.css";');
    expect(render()).toContain('import "/theme.css";');
  });
});

describe("renderLessonModule with the editor", () => {
  it("installs editors once and refreshes them on hot updates", () => {
    const source = renderLessonModule(lesson, {
      file: "a.md",
      transpiled,
      unresolved: new Map(),
      diagnostics: [],
      styles: [],
      editor: "/src/editor/index.ts",
    });
    expect(() => Parser.parse(source, { ecmaVersion: "latest", sourceType: "module" })).not.toThrow();
    expect(source).toContain('import {installEditors} from "/src/editor/index.ts";');
    expect(source).toContain("installEditors(handle, {lessonKey: lesson.file, authorCells: lesson.cells");
    expect(source).toContain("editors.refresh(next.lesson.cells);");
  });
});

// The page's checker, run in Node on the files the page loads: the same errors as `lesson check`,
// located in the edited cell and in the cells that read it; completion, hover and definitions.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { checkTypes } from "../../src/check/checkTypes.ts";
import { collectCheckerFiles } from "../../src/check/collectCheckerFiles.ts";
import { withoutDocComments } from "../../src/typecheck/withoutDocComments.ts";
import { compileLesson } from "../../src/compile/index.ts";
import type { Lesson } from "../../src/compile/index.ts";
import { analyzeCell } from "../../src/compile/cells.ts";
import { createLessonService, type LessonService } from "../../src/typecheck/createLessonService.ts";
import { layoutCell } from "../../src/typecheck/layoutCell.ts";
import { summarizeCells, summaryKey } from "../../src/typecheck/summarizeCell.ts";
import type { CellText, CheckerFiles } from "../../src/typecheck/types.ts";

const lessonSource = [
  "---", "title: Service", "---", "",
  "```ts",
  'import {descend1d, derivative} from "live-lesson/math";',
  "```", "",
  "```ts",
  'const rate = view(Inputs.range([0, 1], {value: 0.1, label: "rate"}));',
  "```", "",
  "```ts",
  "/** The loss of the worked example. */",
  "const loss = (w: number) => (w - 2) ** 2;",
  "```", "",
  "```ts",
  "const rows = descend1d({grad: (w) => derivative(loss, w), loss, w0: 0, lr: rate, steps: 5});",
  "```", "",
  "```ts",
  "const last: number = rows[rows.length - 1].w;",
  "```", "",
  "Last: ${last.toFixed(2)}.",
  "",
].join("\n");

let files: CheckerFiles;
let lesson: Lesson;
let service: LessonService;

const textsOf = (l: Lesson): CellText[] =>
  l.cells.filter((c) => c.options.run).map(({ id, source, lang, line, column, inline }) => ({ id, source, lang, line, column, inline }));
const cellWith = (text: string) => lesson.cells.find((c) => c.source.includes(text))!;
/** The lesson's cells with the one containing `text` replaced by `source`. */
const edit = (text: string, source: string): CellText[] =>
  textsOf(lesson).map((c) => (c.source.includes(text) ? { ...c, source } : c));

/** The checker's files as the build collects them for the chapter: with its cells (their summaries, the browser subset their words keep). */
let chapterFiles: CheckerFiles | undefined;
const filesForChapter = (): CheckerFiles => {
  const path = "lessons/derivatives-and-gradients.md";
  return (chapterFiles ??= collectCheckerFiles(new URL("../../lessons", import.meta.url).pathname, [], compileLesson(readFileSync(path, "utf8"), { file: path }).cells.filter((c) => c.options.run)));
};

beforeAll(() => {
  files = collectCheckerFiles(new URL("../../lessons", import.meta.url).pathname, []);
  lesson = compileLesson(lessonSource, { file: "service.md" });
  service = createLessonService(files, "service.md");
}, 60_000);

describe("createLessonService", { timeout: 60_000 }, () => {
  test("ships no path of the machine, and TypeScript's libs at the root", () => {
    const paths = Object.keys(files.files);
    expect(paths).toContain("/lib.dom.d.ts");
    expect(paths.some((p) => p.endsWith("/src/types/lesson-globals.d.ts"))).toBe(true);
    expect(paths.some((p) => p.endsWith("/src/math/descend1d.ts"))).toBe(true);
    const here = new URL("../..", import.meta.url).pathname;
    expect(paths.filter((p) => p.startsWith(here))).toEqual([]);
  });

  test("ships the browser's declarations without their doc comments, every other file with its own", () => {
    const dom = files.files["/lib.dom.d.ts"]!;
    expect(dom).not.toContain("/**");
    expect(dom.length).toBeLessThan(1_000_000);
    expect(dom).toMatch(/^interface HTMLElement extends Element/m);
    expect(dom).toMatch(/^declare var document: Document;$/m);
    expect(files.files["/lib.es5.d.ts"]).toContain("Returns the larger of a set of supplied numeric expressions.");
    const math = Object.entries(files.files).find(([p]) => p.endsWith("/src/math/descend1d.ts"))![1];
    expect(math).toContain("/**");
  });

  test("withoutDocComments drops doc comments on lines of their own, and nothing else", () => {
    const text = ["/*! licence */", "interface A {", "    /**", "     * The width.", "     */", "    width: number;", "    /** One line. */", "    height: number; /** after code */", "    // a comment", '    "/** a string */": string;', "}", ""].join("\n");
    expect(withoutDocComments(text)).toBe(["/*! licence */", "interface A {", "    width: number;", "    height: number; /** after code */", "    // a comment", '    "/** a string */": string;', "}", ""].join("\n"));
  });

  test("a clean lesson has no problems", () => {
    service.setCells(textsOf(lesson));
    expect(service.problems(lesson.cells.map((c) => c.id)).problems).toEqual([]);
  });

  test("an edit's type error is a warning at its place in the cell", () => {
    const id = cellWith("const rows").id;
    const source = "const rows = descend1d(0.05, {grad: (w) => derivative(loss, w), loss, w0: 0, lr: rate, steps: 5});";
    service.setCells(edit("const rows", source));
    const { problems } = service.problems([id]);
    // The contextual type of `w` is lost too, as in any editor.
    expect(problems).toEqual([
      expect.objectContaining({ cell: id, severity: "warning", code: "type", message: "Expected 1 arguments, but got 2.", line: 1, column: 30 }),
      expect.objectContaining({ cell: id, message: "Parameter 'w' implicitly has an 'any' type.", line: 1, column: 38 }),
    ]);
    expect(source.slice(problems[0]!.from, problems[0]!.to)).toMatch(/^\{grad/);
  });

  test("an edit that changes a type shows the error in the cells that read it, and only those are checked", () => {
    const id = cellWith("const loss").id;
    service.setCells(edit("const loss", 'const loss = "two";'));
    const { checked, problems } = service.problems([id]);
    expect(checked).not.toContain(cellWith("const rate").id);
    const reader = cellWith("const rows");
    expect(problems.map((p) => p.cell)).toContain(reader.id);
    expect(problems.find((p) => p.cell === reader.id)!.message).toMatch(/not assignable/);
    // The page's worker checks the same cells one at a time (readers), and finds the same problems.
    expect(service.readers([id]).sort()).toEqual([...checked].sort());
    expect(service.readers([id]).flatMap((cell) => service.problems([cell], false).problems)).toEqual(expect.arrayContaining(problems));
  });

  test("a syntax error is an error in its cell; the cells that read it are not flagged", () => {
    const id = cellWith("const loss").id;
    service.setCells(edit("const loss", "const loss = (w: number) => (w - 2) **;"));
    const { problems } = service.problems([id]);
    expect(problems).toEqual([expect.objectContaining({ cell: id, severity: "error", code: "syntax", line: 1 })]);
  });

  test("completion offers live-lesson/math's exports with their signature and doc comment", () => {
    const id = cellWith("const last").id;
    service.setCells(edit("const last", "const first = desc"));
    const result = service.completions(id, "const first = desc".length)!;
    expect(result.from).toBe("const first = ".length);
    const option = result.options.find((o) => o.label === "descend1d")!;
    expect(option.detail).toMatch(/^function descend1d\(.*Descend1dOptions\): DescentRow\[\]$/);
    expect(option.info).toMatch(/steps/);
    // The page's worker takes the same list with its signatures added a few at a time.
    const list = service.listCompletions(id, "const first = desc".length)!;
    expect(list.result.options.find((o) => o.label === "descend1d")!.detail).toBeUndefined();
    let left = Infinity;
    for (let batches = 0; left > 0; batches++) {
      expect(batches).toBeLessThan(40);
      left = list.detail(1);
    }
    expect(list.result).toEqual(result);
  });

  test("completion after a dot offers a builtin's members", () => {
    const id = cellWith("const last").id;
    service.setCells(edit("const last", "Plot.li"));
    const result = service.completions(id, "Plot.li".length)!;
    expect(result.options.map((o) => o.label)).toEqual(expect.arrayContaining(["line", "lineY", "linearRegressionY"]));
  });

  test("hover shows a name's type and its doc comment, also for a name another cell defines", () => {
    service.setCells(textsOf(lesson));
    const rows = cellWith("const rows");
    const hover = service.hover(rows.id, rows.source.indexOf("descend1d") + 3)!;
    expect(hover.signature).toMatch(/^descend1d\(\{ grad, loss, w0, lr, steps, tolerance \}: Descend1dOptions\): DescentRow\[\]$/);
    expect(hover.documentation).toMatch(/steps/);
    const loss = service.hover(rows.id, rows.source.indexOf("loss") + 1)!;
    expect(rows.source.slice(loss.from, loss.to)).toBe("loss");
    expect(loss.signature).toBe("const loss: (w: number) => number");
    expect(loss.documentation).toBe("The loss of the worked example.");
  });

  test("a name defined in another cell leads to its declaration there", () => {
    service.setCells(textsOf(lesson));
    const rows = cellWith("const rows");
    const place = service.definition(rows.id, rows.source.indexOf("rate") + 1)!;
    const owner = cellWith("const rate");
    expect(place.cell).toBe(owner.id);
    expect(owner.source.slice(place.from, place.to)).toBe("rate");
  });

  test("finds what lesson check finds, at the same places", () => {
    for (const name of ["type-in-cell.md", "type-across-cells.md"]) {
      const path = `test/fixtures/check/${name}`;
      const checked = compileLesson(readFileSync(path, "utf8"), { file: path });
      const own = createLessonService(files, name);
      own.setCells(textsOf(checked));
      // As the page asks: a first answer that may be provisional, then the settled one.
      own.problems(checked.cells.map((c) => c.id), false, true);
      const cells = new Map(checked.cells.map((c) => [c.id, c]));
      const found = own.problems(checked.cells.map((c) => c.id)).problems.map((p) => {
        const cell = cells.get(p.cell)!;
        return { line: cell.line + p.line - 1, column: (p.line === 1 ? cell.column : 1) + p.column - 1, message: p.message };
      });
      const expected = checkTypes(checked, { file: path }).map(({ line, column, message }) => ({ line, column, message }));
      expect(expected.length).toBeGreaterThan(0);
      expect(found).toEqual(expected);
    }
  });

  test("the build's summary of a cell is what the page's checker finds in it itself", () => {
    const paths = ["lessons/derivatives-and-gradients.md", "test/fixtures/check/type-in-cell.md", "test/fixtures/check/type-across-cells.md"];
    const texts = paths.flatMap((path) => textsOf(compileLesson(readFileSync(path, "utf8"), { file: path })));
    const summaries = summarizeCells(texts);
    expect(Object.keys(summaries).length).toBeGreaterThan(80);
    for (const text of texts) {
      const { cell } = analyzeCell(text.source, { lang: text.lang, line: text.line, column: text.column, inline: text.inline });
      const { inputs, outputs, expression, async, generator } = cell;
      expect(summaries[summaryKey(text)]).toEqual({ inputs, outputs, expression, async, generator, layout: layoutCell(text.source) });
    }
  });

  test("with the build's summaries, the checker answers as it does without them", () => {
    const path = "lessons/derivatives-and-gradients.md";
    const chapter = compileLesson(readFileSync(path, "utf8"), { file: path });
    const texts = textsOf(chapter);
    const summarized = createLessonService({ ...files, cells: summarizeCells(texts) }, "chapter.md");
    const analysed = createLessonService(files, "chapter.md");
    const steps = texts.find((c) => c.source.includes("const steps"))!;
    // As built; then an edit (its cell analysed in the page), and a broken edit.
    for (const source of [steps.source, `${steps.source}\nx`, `${steps.source}\nconst = ;`]) {
      const now = texts.map((c) => (c.id === steps.id ? { ...c, source } : c));
      summarized.setCells(now);
      analysed.setCells(now);
      const ids = [steps.id, ...summarized.readers([steps.id])];
      expect(summarized.problems(ids, false)).toEqual(analysed.problems(ids, false));
    }
    expect(analysed.problems([steps.id], false).problems.length).toBeGreaterThan(0);
    const at = steps.source.indexOf("descend") + 2;
    summarized.setCells(texts);
    analysed.setCells(texts);
    expect(summarized.hover(steps.id, at)).toEqual(analysed.hover(steps.id, at));
  });

  test("a summary is taken only for the text it was made from", () => {
    const texts = textsOf(lesson);
    const loss = cellWith("const loss");
    const summaries = summarizeCells(texts);
    // A summary that says the cell declares nothing: taken, `loss` is then unknown to its readers.
    summaries[summaryKey(loss)] = { ...summaries[summaryKey(loss)]!, outputs: [] };
    const own = createLessonService({ ...files, cells: summaries }, "service.md");
    const all = texts.map((c) => c.id);
    own.setCells(texts);
    expect(own.problems(all).problems.map((p) => p.message)).toContain("Cannot find name 'loss'.");
    // The same cell edited (another text) is analysed here: its outputs are found again.
    own.setCells(edit("const loss", "const loss = (w: number) => (w - 3) ** 2;"));
    expect(own.problems(all).problems).toEqual([]);
  });

  test("a first answer about a cell that needs neither Plot nor d3 comes without their declarations, and is the whole program's answer", () => {
    const path = "lessons/derivatives-and-gradients.md";
    const texts = textsOf(compileLesson(readFileSync(path, "utf8"), { file: path }));
    const steps = texts.find((c) => c.source.includes("const steps"))!;
    const now = texts.map((c) => (c.id === steps.id ? { ...c, source: `${c.source}\nx` } : c));
    const own = createLessonService(filesForChapter(), "chapter.md");
    const whole = createLessonService({ ...filesForChapter(), browserSubset: undefined }, "chapter.md");
    own.setCells(now);
    whole.setCells(now);
    expect(filesForChapter().browserSubset).toBeDefined();
    const first = own.problems([steps.id], false, true);
    expect(first.provisional).toBe(true);
    expect(first.problems.map((p) => p.message)).toContain("Cannot find name 'x'.");
    const settled = whole.problems([steps.id], false);
    expect(settled.provisional).toBeUndefined();
    expect(first).toEqual({ ...settled, provisional: true });
    // The readers' check that follows is the whole program's; from then on every answer is.
    const readers = own.readers([steps.id]);
    expect(readers.length).toBeGreaterThan(1);
    expect(readers.flatMap((id) => own.problems([id], false).problems)).toEqual(readers.flatMap((id) => whole.problems([id], false).problems));
    expect(own.problems([steps.id], false, true)).toEqual(settled);
    // Hover over a cell that needs Plot comes from the whole program: Plot's type.
    const chart = texts.find((c) => /Plot\.\w+\(/.test(c.source))!;
    const at = chart.source.indexOf("Plot.") + 1;
    expect(own.hover(chart.id, at)!.signature).toMatch(/typeof import\(/);
  });

  test("prepare builds the program a first check would use; the edit's check after it answers as one without it", () => {
    const path = "lessons/derivatives-and-gradients.md";
    const texts = textsOf(compileLesson(readFileSync(path, "utf8"), { file: path }));
    const steps = texts.find((c) => c.source.includes("const steps"))!;
    const now = texts.map((c) => (c.id === steps.id ? { ...c, source: `${c.source}\nx` } : c));
    const prepared = createLessonService(filesForChapter(), "chapter.md");
    const fresh = createLessonService(filesForChapter(), "chapter.md");
    prepared.setCells(texts);
    prepared.prepare([steps.id]);
    prepared.setCells(now);
    fresh.setCells(now);
    const first = prepared.problems([steps.id], false, true);
    expect(first.provisional).toBe(true);
    expect(first).toEqual(fresh.problems([steps.id], false, true));
    // A cell that names Plot needs the whole program: prepare builds that one.
    const chart = texts.find((c) => /Plot\.\w+\(/.test(c.source))!;
    const other = createLessonService(filesForChapter(), "chapter.md");
    other.setCells(texts);
    other.prepare([chart.id]);
    expect(other.problems([steps.id], false, true).provisional).toBeUndefined();
  });

  test("hover and definitions about such a cell come from the smaller program while it is in use, as the whole program gives them; completion from the whole one", { timeout: 240_000 }, () => {
    const path = "lessons/derivatives-and-gradients.md";
    const texts = textsOf(compileLesson(readFileSync(path, "utf8"), { file: path }));
    const steps = texts.find((c) => c.source.includes("const steps"))!;
    const own = createLessonService(filesForChapter(), "chapter.md");
    const whole = createLessonService({ ...filesForChapter(), browserSubset: undefined }, "chapter.md");
    own.setCells(texts);
    whole.setCells(texts);
    expect(own.problems([steps.id], false, true).provisional).toBe(true);
    expect(whole.problems([steps.id], false).provisional).toBeUndefined();
    // Names the lesson declares or imports: from the smaller program, which stays in use.
    for (const name of ["steps", "verdict", "descend1d", "sumSquaredGrad"]) {
      const at = steps.source.indexOf(name) + 1;
      expect(own.hover(steps.id, at)).toEqual(whole.hover(steps.id, at));
      expect(own.definition(steps.id, at)).toEqual(whole.definition(steps.id, at));
    }
    expect(own.problems([steps.id], false, true).provisional).toBe(true);
    expect(own.completions(steps.id, steps.source.length, true)).toEqual(whole.completions(steps.id, steps.source.length, true));
    expect(own.problems([steps.id], false, true).provisional).toBeUndefined();
    // An ES lib's member asks the whole program: the smaller one reads those libs without their doc
    // comments. Every other name of the cell as the whole program gives it, from the smaller program
    // while it is in use (a fresh one after a name that asked the whole program).
    const smaller = () => {
      const service = createLessonService(filesForChapter(), "chapter.md");
      service.setCells(texts);
      expect(service.problems([steps.id], false, true).provisional).toBe(true);
      return service;
    };
    let current = smaller();
    const slice = steps.source.indexOf(".slice(") + 2;
    expect(current.hover(steps.id, slice)!.documentation).toMatch(/section of an array/);
    expect(current.problems([steps.id], false, true).provisional).toBeUndefined();
    current = smaller();
    // Each name once (its first place), members and object keys aside (a member without a doc comment
    // of its own asks the whole program, and a fresh smaller program costs seconds).
    const first = new Map([...steps.source.matchAll(/(?<![\w$.])[A-Za-z_$][\w$]*(?![\w$]|\s*:)/g)].reverse().map((m) => [m[0], m.index! + 1]));
    const names = [...first.values()];
    expect(names.length).toBeGreaterThan(5);
    for (const at of names) {
      expect(current.hover(steps.id, at)).toEqual(whole.hover(steps.id, at));
      expect(current.definition(steps.id, at)).toEqual(whole.definition(steps.id, at));
      if (current.problems([steps.id], false, true).provisional === undefined) current = smaller();
    }
  });

  test("a first answer that needs the inside of a browser interface the subset keeps as a stub is the whole program's", () => {
    // The subset keeps DOMRect as a stub (no cell of these files names it): the rule must see that
    // the check looked inside it, or the page would show "Property 'x' does not exist on type 'DOMRect'".
    expect(files.browserSubset!.files["/lib.dom.d.ts"]).toMatch(/^interface DOMRect {}$/m);
    const source = ["---", "title: Stub", "---", "", "```ts", "const box = html`<div>`.getBoundingClientRect();", "```", "", "```ts", "const t: string = box.x;", "```", ""].join("\n");
    const stubbed = compileLesson(source, { file: "stub.md" });
    const id = stubbed.cells.find((c) => c.source.startsWith("const t"))!.id;
    const own = createLessonService(files, "stub.md");
    const whole = createLessonService({ ...files, browserSubset: undefined }, "stub.md");
    own.setCells(textsOf(stubbed));
    whole.setCells(textsOf(stubbed));
    const first = own.problems([id], false, true);
    expect(first.provisional).toBeUndefined();
    expect(first).toEqual(whole.problems([id], false));
    expect(first.problems.map((p) => p.message)).toEqual(["Type 'number' is not assignable to type 'string'."]);
  });

  test("a cell that names a browser global the subset leaves out, or globalThis, is answered by the whole program at once", () => {
    for (const code of ["const n: number = document.title;", "const n: number = globalThis.origin;", "const n: number = window.origin;"]) {
      const source = ["---", "title: Global", "---", "", "```ts", code, "```", ""].join("\n");
      const global = compileLesson(source, { file: "global.md" });
      const id = global.cells[0]!.id;
      const own = createLessonService(files, "global.md");
      own.setCells(textsOf(global));
      const first = own.problems([id], false, true);
      expect(first.provisional).toBeUndefined();
      expect(first.problems).toEqual([expect.objectContaining({ message: "Type 'string' is not assignable to type 'number'." })]);
    }
  });

  test("a cell that names Plot, or reads a value or a type that does, is answered by the whole program at once", () => {
    const source = [
      "---", "title: Deferred", "---", "",
      "```ts", "type Chart = ReturnType<typeof Plot.plot>;", "const scale = d3.scaleLinear();", "```", "",
      "```ts", "const c: Chart = 3;", "```", "",
      "```ts", "const s: string = scale;", "```", "",
      "```ts", "const p = Plot.dotX([1]).foo;", "```", "",
    ].join("\n");
    const deferredLesson = compileLesson(source, { file: "deferred.md" });
    for (const text of ["const c:", "const s:", "const p ="]) {
      const id = deferredLesson.cells.find((c) => c.source.startsWith(text))!.id;
      const own = createLessonService(files, "deferred.md");
      own.setCells(textsOf(deferredLesson));
      const first = own.problems([id], false, true);
      expect(first.provisional).toBeUndefined();
      expect(first.problems).toEqual([expect.objectContaining({ cell: id, severity: "warning", line: 1 })]);
      expect(first.problems[0]!.message).not.toMatch(/\bany\b/);
    }
  });
});

// A built page's body with the first outputs written in, less the cells that must wait for the reader.
import { describe, expect, it, vi } from "vitest";
import { compileLesson, type Lesson } from "../../src/compile/index.ts";
import { findLeftOut, prerenderLesson } from "../../src/run/index.ts";
import { fillOutputs } from "../../src/run/renderPrerendered.ts";
import { runLesson } from "../../src/run/runLesson.ts";

// runLesson as it is, watched: a lesson with nothing to run must not start a worker.
vi.mock("../../src/run/runLesson.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/run/runLesson.ts")>();
  return { ...real, runLesson: vi.fn(real.runLesson) };
});

function lessonOf(body: string): Lesson {
  return compileLesson(`---\ntitle: t\n---\n\n${body}`, { file: "t.md" });
}

describe("findLeftOut", () => {
  it("leaves out a blocked cell and every cell that reads it, however they are ordered", () => {
    const lesson = lessonOf("```ts\nconst late = stamp + 1;\n```\n\n```ts\nconst stamp = Date.now();\n```\n\n```ts\nconst fixed = 2;\n```\n\nLater: ${late}.\n");
    const [late, stamp, , inline] = lesson.cells;
    expect(findLeftOut(lesson)).toEqual([
      { id: late!.id, line: late!.line, why: `reads stamp (line ${stamp!.line})` },
      { id: stamp!.id, line: stamp!.line, why: "reads the clock" },
      { id: inline!.id, line: inline!.line, why: `reads late (line ${late!.line})` },
    ]);
  });
});

describe("fillOutputs", () => {
  it("fills settled cells' placeholders, marked, and hides the left-out cells' outputs", () => {
    const lesson = lessonOf("```ts\nconst a = 1;\n```\n\nA is ${a}, B is ${b}.\n\n```ts\nconst b = now;\n```\n");
    const [cell, inlineA, inlineB, blocked] = lesson.cells;
    const states = lesson.cells.map((c) => ({ id: c.id, line: c.line, status: "fulfilled" as const }));
    const html = fillOutputs(lesson.html, { [cell!.id]: "", [inlineA!.id]: "1", [inlineB!.id]: "17", [blocked!.id]: "" }, states, new Set([inlineB!.id, blocked!.id]));
    expect(html).toContain(`<span class="cell-inline" data-cell="${inlineA!.id}" data-status="fulfilled" data-prerendered>1</span>`);
    // Left out: the build's output holds its place, hidden, until the page's own arrives.
    expect(html).toContain(`<span class="cell-inline" data-cell="${inlineB!.id}" data-status="pending" data-prerendered="placeholder">17</span>`);
    expect(html).toContain(`<div class="cell-output" data-cell="${blocked!.id}" data-status="pending" data-prerendered="placeholder"></div>`);
    expect(html.match(/data-prerendered>/g)).toHaveLength(2);
    expect(html).not.toContain("data-static");
  });

  it("marks the settled outputs in which nothing listens for an event as static", () => {
    const lesson = lessonOf("```ts\nconst a = 1;\n```\n\nA is ${a}, B is ${b}.\n\n```ts\nconst b = now;\n```\n\n```ts\nfails()\n```\n");
    const [cell, inlineA, inlineB, blocked, failing] = lesson.cells;
    const states = lesson.cells.map((c) => ({ id: c.id, line: c.line, status: c === failing ? ("rejected" as const) : ("fulfilled" as const) }));
    const outputs = { [cell!.id]: "", [inlineA!.id]: "1", [inlineB!.id]: "17", [blocked!.id]: "", [failing!.id]: "error" };
    const html = fillOutputs(lesson.html, outputs, states, new Set([inlineB!.id, blocked!.id]), undefined, new Set(lesson.cells.map((c) => c.id)));
    expect(html).toContain(`<span class="cell-inline" data-cell="${inlineA!.id}" data-status="fulfilled" data-static data-prerendered>1</span>`);
    // Not a left-out cell's placeholder, nor an error: the page runs those.
    expect(html).toContain(`data-cell="${inlineB!.id}" data-status="pending" data-prerendered="placeholder">`);
    expect(html).toContain(`data-cell="${failing!.id}" data-status="rejected" data-prerendered>`);
    expect(html.match(/data-static/g)).toHaveLength(2);
  });

  it("marks a settled output that listens as one to run later, unless it is static, left out or not fulfilled", () => {
    const lesson = lessonOf("```ts\nconst a = 1;\n```\n\nA is ${a}, B is ${b}.\n\n```ts\nconst b = now;\n```\n\n```ts\nfails()\n```\n");
    const [cell, inlineA, inlineB, blocked, failing] = lesson.cells;
    const states = lesson.cells.map((c) => ({ id: c.id, line: c.line, status: c === failing ? ("rejected" as const) : ("fulfilled" as const) }));
    const outputs = { [cell!.id]: "", [inlineA!.id]: "1", [inlineB!.id]: "17", [blocked!.id]: "", [failing!.id]: "error" };
    const all = new Set(lesson.cells.map((c) => c.id));
    const html = fillOutputs(lesson.html, outputs, states, new Set([inlineB!.id, blocked!.id]), undefined, new Set([inlineA!.id]), all);
    expect(html).toContain(`data-cell="${inlineA!.id}" data-status="fulfilled" data-static data-prerendered>1</span>`);
    expect(html).toContain(`data-cell="${cell!.id}" data-status="fulfilled" data-hydrate data-prerendered>`);
    expect(html.match(/data-hydrate/g)).toHaveLength(1);
  });
});

describe("prerenderLesson", () => {
  it("writes charts, numbers and disabled inputs at their defaults into the body", { timeout: 120_000 }, async () => {
    const lesson = lessonOf("```ts\nconst k = view(Inputs.range([0, 10], {value: 3, step: 1, label: \"k\"}));\n```\n\nk² is ${k * k}.\n\n```ts\nPlot.plot({marks: [Plot.lineY([1, k, 2])]})\n```\n\nNow: ${now}.\n");
    const result = await prerenderLesson(lesson);
    expect(result.error).toBeUndefined();
    expect(result.count).toBe(3);
    expect(result.leftOut.map((cell) => cell.why)).toEqual(["reads now"]);
    const html = result.fill!(lesson.html);
    expect(html).toMatch(/<input type="range"[^>]*value="3"[^>]*disabled/);
    expect(html).toMatch(/k² is <span[^>]*data-prerendered>9<\/span>/);
    // The chart whole: a second parse of an SVG's <style> by happy-dom would lose its marks.
    expect(html).toMatch(/<svg[^>]*class="plot-[\s\S]*<path[^>]*d="M[\s\S]*<\/svg>/);
    expect(html).toMatch(/Now: <span[^>]*data-status="pending" data-prerendered="placeholder">[^<]+<\/span>/);
    // The same outputs written into a page the bundler made of the compiled body, each through `transform`.
    expect(result.fill!(`<h1>page</h1>${lesson.html}<footer></footer>`)).toBe(`<h1>page</h1>${html}<footer></footer>`);
    expect(result.fill!(lesson.html, (output) => `[${output}]`)).toMatch(/k² is <span[^>]*data-prerendered>\[9\]<\/span>/);
    // The number and the chart have no listener; the slider has (Inputs listens to its form).
    expect(html).toMatch(/k² is <span[^>]*data-static data-prerendered>9<\/span>/);
    expect(html).toMatch(/data-static data-prerendered><svg[^>]*class="plot-/);
    expect(html).not.toMatch(/data-static data-prerendered><form/);
    expect(html.match(/data-static/g)).toHaveLength(2);
    // The slider listens and reads nothing outside: marked to run later (the page still runs it,
    // since another cell reads what it declares: src/runtime/keepOutput.ts).
    expect(html).toMatch(/data-hydrate data-prerendered><form/);
    expect(html.match(/data-hydrate/g)).toHaveLength(1);
  });

  it("gives a lesson without cells its compiled body, without starting a runner", async () => {
    const lesson = lessonOf("# Reference\n\nProse and $x^2$ only.\n\n```python\nprint(1)\n```\n");
    vi.mocked(runLesson).mockClear();
    const { fill, ...rest } = await prerenderLesson(lesson);
    expect(rest).toEqual({ leftOut: [], count: 0 });
    expect(fill?.(lesson.html)).toBe(lesson.html);
    expect(runLesson).not.toHaveBeenCalled();
  });

  it("gives a lesson whose cells are all listings (run=false) its compiled body, as a run would, without starting a runner", { timeout: 120_000 }, async () => {
    const lesson = lessonOf("# Reference\n\n```ts run=false\nconst x = 1;\n```\n\nListings only.\n\n```ts run=false\nx + 1\n```\n");
    vi.mocked(runLesson).mockClear();
    const { fill, ...rest } = await prerenderLesson(lesson);
    expect(rest).toEqual({ leftOut: [], count: 0 });
    expect(fill?.(lesson.html)).toBe(lesson.html);
    expect(runLesson).not.toHaveBeenCalled();
    // What the runner makes of the same lesson: nothing to fill in.
    const ran = await runLesson(lesson, { prerender: true });
    expect(fillOutputs(lesson.html, ran.outputs, ran.cells, new Set())).toBe(lesson.html);
  });
});

// The Node-side runner: lessons run in a worker with happy-dom, as their pages run them.
// (The comparison with what Chromium shows is test/e2e/run.test.ts.)
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileLesson, type Lesson } from "../../src/compile/index.ts";
import { AUTHOR_GUARD_BUDGET_MS, stopMessage } from "../../src/contract/guard.ts";
import { READING_WIDTH, runLesson, type RunResult } from "../../src/run/index.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));

/** A lesson compiled from `body` (cells and prose), named `file`. */
function lessonOf(file: string, body: string): Lesson {
  return compileLesson(`---\ntitle: ${file}\n---\n\n${body}`, { file });
}

/** The lesson files of a folder (not drafts), as `folder/name.md` from the repo. */
function lessonFiles(folder: string): string[] {
  return readdirSync(join(repo, folder)).filter((name) => name.endsWith(".md") && !name.startsWith("_")).map((name) => `${folder}/${name}`);
}

function compileFile(file: string): Lesson {
  return compileLesson(readFileSync(join(repo, file), "utf8"), { file });
}

function describeUnsettled(result: RunResult): string[] {
  return result.cells.filter((cell) => cell.status !== "fulfilled").map((cell) => `${cell.line} ${cell.status}: ${cell.error}`);
}

// Each run starts a worker (a second or more on a loaded machine): generous limits, never timed assertions.
const slow = { timeout: 120_000 };

describe("runLesson", () => {
  const bundled = lessonFiles("lessons");
  const fixtures = lessonFiles("test/e2e/lessons");

  it("finds the bundled and fixture lessons", () => {
    expect(bundled).toContain("lessons/derivatives-and-gradients.md");
    expect(fixtures).toContain("test/e2e/lessons/fixture-slider.md");
  });

  for (const file of [...bundled, ...fixtures.filter((f) => !f.endsWith("fixture-errors.md"))]) {
    it(`settles every cell of ${file}`, slow, async () => {
      const lesson = compileFile(file);
      const result = await runLesson(lesson, { path: join(repo, file) });
      expect(result.killed).toBe(false);
      expect(describeUnsettled(result)).toEqual([]);
      expect(result.cells.map((cell) => cell.id).sort()).toEqual(lesson.cells.filter((cell) => cell.options.run).map((cell) => cell.id).sort());
    });
  }

  it("reports a cell that throws, at the line it throws from, and keeps the others", slow, async () => {
    const lesson = lessonOf("throws.md", "```ts\nconst ok = 1 + 1;\n```\n\n```ts\nconst a = 1;\nconst b = 2;\nthrow new Error(\"kaboom\");\n```\n\nok is ${ok * 100}.\n");
    const result = await runLesson(lesson);
    const thrower = lesson.cells[1]!;
    expect(result.cells.find((cell) => cell.id === thrower.id)).toMatchObject({ status: "rejected", line: thrower.line, error: expect.stringContaining("kaboom") });
    // The error shows in place, located at the throw (the cell's third line), as in the page.
    expect(result.outputs[thrower.id]).toContain(`throws.md:${thrower.line + 2}`);
    expect(result.cells.filter((cell) => cell.status === "fulfilled")).toHaveLength(2);
    expect(result.html).toMatch(/ok is <span[^>]*>200<\/span>/);
  });

  it("returns probes' values: numbers, and Plot charts as SVG", slow, async () => {
    const result = await runLesson(compileFile("test/e2e/lessons/fixture-slider.md"), {
      probes: [
        { name: "doubled", source: "doubled" },
        { name: "sum", source: "k + doubled // a trailing comment" },
        { name: "width", source: "width" },
        { name: "chart", source: "Plot.plot({marks: [Plot.dot([[k, doubled]])]})" },
        { name: "double", source: "(x: number) => x * 2" },
        { name: "missing", source: "noSuchName" },
      ],
    });
    expect(result.probes.doubled).toEqual({ ok: true, value: 4 });
    expect(result.probes.sum).toEqual({ ok: true, value: 6 });
    expect(result.probes.width).toEqual({ ok: true, value: READING_WIDTH });
    expect(result.probes.chart).toMatchObject({ ok: true, value: { $type: "node", html: expect.stringMatching(/^<svg[^>]*class="plot-/) } });
    expect(result.probes.double).toMatchObject({ ok: true, value: { $type: "function", source: expect.stringContaining("x * 2") } });
    expect(result.probes.missing).toMatchObject({ ok: false, error: expect.stringContaining("noSuchName") });
    // The lesson's own chart, in its cell's output; probes leave no trace in the HTML.
    expect((result.html.match(/<svg/g) ?? []).length).toBe(1);
    expect(Object.values(result.outputs).some((html) => /^<svg[^>]*class="plot-/.test(html))).toBe(true);
  });

  it("writes inputs' values into the HTML (a slider at its default, not its midpoint)", slow, async () => {
    const result = await runLesson(lessonOf("inputs.md", "```ts\nconst k = view(Inputs.range([0, 10], {value: 2, step: 1, label: \"k\"}));\n```\n\n```ts\nconst on = view(Inputs.toggle({label: \"on\", value: true}));\n```\n"));
    expect(result.html).toMatch(/<input type="range"[^>]*value="2"/);
    expect(result.html).toMatch(/<input[^>]*type="checkbox"[^>]*checked/);
  });

  it("runs a replacement instead of a cell, by id or by the name it declares", slow, async () => {
    const lesson = compileFile("test/e2e/lessons/fixture-slider.md");
    const doubler = lesson.cells.find((cell) => cell.outputs.includes("doubled"))!;
    const byName = await runLesson(lesson, { replace: { doubled: "const doubled: number = k * 3;" }, probes: [{ name: "doubled", source: "doubled" }] });
    expect(byName.probes.doubled).toEqual({ ok: true, value: 6 });
    expect(byName.html).toMatch(/Twice k is <span[^>]*>6<\/span>/);
    const broken = await runLesson(lesson, { replace: { [doubler.id]: "const doubled = (k * ;" } });
    expect(broken.cells.find((cell) => cell.id === doubler.id)).toMatchObject({ status: "rejected", line: doubler.line });
    expect(() => runLesson(lesson, { replace: { nothing: "1" } })).toThrow(/no cell with id or name "nothing"/);
  });

  it("stops an endless loop with the loop guard's message, and the others keep working", slow, async () => {
    const lesson = lessonOf("loop.md", "```ts\nconst ok = 1;\n```\n\n```ts\nlet n = 0;\nwhile (true) n++;\n```\n");
    const result = await runLesson(lesson);
    expect(result.killed).toBe(false);
    expect(result.cells).toMatchObject([
      { id: lesson.cells[0]!.id, status: "fulfilled" },
      // An author cell's budget, as in the page.
      { id: lesson.cells[1]!.id, status: "rejected", error: stopMessage(AUTHOR_GUARD_BUDGET_MS) },
    ]);
  });

  it("kills a hard hang at the timeout, naming the cell that hung at its line", slow, async () => {
    // Atomics.wait blocks the thread without a loop: the guard never gets to run.
    const lesson = lessonOf("hang.md", "```ts\nconst ok = 1;\n```\n\n```ts\nconst stuck = ok + 1;\nAtomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);\n```\n");
    const hung = lesson.cells[1]!;
    // The limit counts from the worker's start-up, however long that took on a busy machine.
    const result = await runLesson(lesson, { timeoutMs: 5000 });
    expect(result.killed).toBe(true);
    expect(result.error).toMatch(new RegExp(`^hang\\.md:${hung.line} Stopped: the run took more than 5 s; this cell was still running`));
    expect(result.cells.find((cell) => cell.id === hung.id)).toMatchObject({ status: "rejected", line: hung.line });
    expect(result.cells.find((cell) => cell.id === lesson.cells[0]!.id)?.status).toBe("fulfilled");
    expect(result.html).toBe("");
  });

  it("stops a run when its signal aborts, long before its time limit", slow, async () => {
    const lesson = lessonOf("hang.md", "```ts\nAtomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);\n```\n");
    const controller = new AbortController();
    const run = runLesson(lesson, { timeoutMs: 600_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 2000);
    // Whether the worker had started or not (a busy machine), the run ends at once, saying why.
    const outcome = await run.then((result) => result.error, (error: Error) => error.message);
    expect(outcome).toMatch(/it was stopped/);
  });

  it("rejects with RunnerUnavailableError when the worker does not start in time", slow, async () => {
    const lesson = lessonOf("late.md", "```ts\nconst ok = 1;\n```\n");
    await expect(runLesson(lesson, { startTimeoutMs: 1 })).rejects.toMatchObject({ name: "RunnerUnavailableError", message: expect.stringContaining("did not start") });
  });

  it("resolves imports as the page does, and reports one that does not resolve in its cell", slow, async () => {
    const lesson = lessonOf("imports.md", '```ts\nimport {formatFixed} from "live-lesson/math";\n```\n\n```ts\nimport {nothing} from "no-such-package-anywhere";\n```\n');
    const result = await runLesson(lesson, { probes: [{ name: "fixed", source: "formatFixed(1.23456, 2)" }] });
    expect(result.probes.fixed).toEqual({ ok: true, value: "1.23" });
    expect(result.cells.find((cell) => cell.id === lesson.cells[1]!.id)).toMatchObject({
      status: "rejected",
      error: expect.stringContaining('Cannot find module "no-such-package-anywhere"'),
    });
  });

  it("seeds Math.random per run and per probe", slow, async () => {
    const lesson = lessonOf("random.md", "```ts\nconst r = Math.random();\n```\n");
    const probes = [{ name: "r", source: "r" }, { name: "seeded", source: "Math.random()", seed: 7 }, { name: "again", source: "Math.random()", seed: 7 }];
    const [a, b, c] = await Promise.all([runLesson(lesson, { seed: 1, probes }), runLesson(lesson, { seed: 1, probes }), runLesson(lesson, { seed: 2, probes })]);
    expect(a.probes.r).toEqual(b.probes.r);
    expect(a.probes.r).not.toEqual(c.probes.r);
    expect(a.probes.seeded).toEqual(a.probes.again);
    expect(a.probes.seeded).toEqual(c.probes.seeded);
  });

  it("keeps the DOM in its worker: the test process gets no window or document", slow, async () => {
    const result = await runLesson(compileFile("test/e2e/lessons/fixture-slider.md"));
    expect(result.html).toContain("<svg");
    expect(typeof (globalThis as { document?: unknown }).document).toBe("undefined");
    expect(typeof (globalThis as { window?: unknown }).window).toBe("undefined");
    expect(typeof (globalThis as { HTMLElement?: unknown }).HTMLElement).toBe("undefined");
  });

  it("returns what cells print", slow, async () => {
    const result = await runLesson(lessonOf("log.md", '```ts\nconsole.log("hello from a cell");\n```\n'));
    expect(result.log).toContain("hello from a cell");
  });
});

// The Node-side runner against the browser: every bundled and fixture lesson, run by runLesson in
// happy-dom and opened in Chromium from the dev server, ends with the same cells in the same
// states; and the chapter's values read through probes equal `window.lesson.value` in the page.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileLesson } from "../../src/compile/index.ts";
import { runLesson } from "../../src/run/index.ts";
import type { CellState } from "../../src/runtime/types.ts";
import { launchBrowser, startDevServer, type Browser, type Site } from "./browser.ts";
import { openLesson } from "./lessonPage.ts";

let browser: Browser;
let site: Site;
let faults: Site;

beforeAll(async () => {
  [browser, site, faults] = await Promise.all([launchBrowser(), startDevServer(), startDevServer("_faults")]);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await faults?.close();
});

/** A cell's state without what only says how long the browser waited. */
function comparable(cells: CellState[]): Pick<CellState, "id" | "line" | "status" | "error">[] {
  return cells
    .map(({ id, line, status, error }) => ({ id, line, status, ...(error === undefined ? {} : { error }) }))
    .sort((a, b) => a.line - b.line || a.id.localeCompare(b.id));
}

/** The lessons of a served folder (no drafts, no sub-folders). */
function lessonsOf(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith(".md") && !name.startsWith("_"));
}

/** `value` with every number rounded to 12 significant digits. */
function roundNumbers(value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
  if (Array.isArray(value)) return value.map(roundNumbers);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundNumbers(v)]));
  return value;
}

async function compareStates(page: Page, served: Site, name: string): Promise<void> {
  const path = join(served.lessonsDir, name);
  const lesson = compileLesson(readFileSync(path, "utf8"), { file: name });
  // One after the other: run side by side on a busy machine, a cell near the loop guard's budget
  // (the faults fixture's million-element array) could be stopped in one and not the other.
  const inBrowser = await openLesson(page, `${served.url}${name.replace(/\.md$/, ".html")}`);
  const inNode = await runLesson(lesson, { path, file: name, timeoutMs: 120_000 });
  expect(inNode.error, name).toBeUndefined();
  expect(inNode.killed, name).toBe(false);
  expect(inBrowser.length, `${name}: the page reports its cells`).toBeGreaterThan(0);
  expect(comparable(inNode.cells), name).toEqual(comparable(inBrowser));
}

describe("runLesson and the browser", () => {
  it("settle every bundled and fixture lesson's cells in the same states", async () => {
    const names = lessonsOf(site.lessonsDir);
    expect(names).toEqual(expect.arrayContaining(["derivatives-and-gradients.md", "authoring.md", "fixture-errors.md", "fixture-slider.md"]));
    const page = await browser.newPage();
    for (const name of names) await compareStates(page, site, name);
    await page.close();
  });

  it("settle the faults fixture's cells (every kind of failure) in the same states", async () => {
    const page = await browser.newPage();
    for (const name of lessonsOf(faults.lessonsDir)) await compareStates(page, faults, name);
    await page.close();
  });

  it("read the chapter's numbers as window.lesson.value does", async () => {
    const name = "derivatives-and-gradients.md";
    const path = join(site.lessonsDir, name);
    const lesson = compileLesson(readFileSync(path, "utf8"), { file: name });
    const outputs = lesson.cells.filter((cell) => cell.options.run).flatMap((cell) => cell.outputs);
    const page = await browser.newPage();
    // The runner's window prefers reduced motion, so the Hiker's animation shows its last step at once.
    await page.emulateMedia({ reducedMotion: "reduce" });
    await openLesson(page, `${site.url}derivatives-and-gradients.html`);
    // Every value the page holds that is data: numbers, strings, and arrays or records of them.
    const values: Record<string, unknown> = await page.evaluate(async (names) => {
      const isData = (value: unknown): boolean =>
        ["number", "string", "boolean"].includes(typeof value) ||
        (Array.isArray(value) && value.every(isData)) ||
        (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isData));
      const api = (window as unknown as { lesson: { value(name: string): Promise<unknown> } }).lesson;
      const found: Record<string, unknown> = {};
      for (const name of names) {
        // A value that fails in the page is left out here (and fails the key check below if it is a main one).
        const value = await api.value(name).catch(() => undefined);
        if (isData(value)) found[name] = value;
      }
      return found;
    }, outputs);
    await page.close();
    expect(Object.keys(values)).toEqual(expect.arrayContaining(["w", "dLdw", "alpha", "steps"]));
    expect(Object.keys(values).length).toBeGreaterThan(20);
    const result = await runLesson(lesson, { path, file: name, timeoutMs: 120_000, probes: Object.keys(values).map((key) => ({ name: key, source: key })) });
    expect(result.error).toBeUndefined();
    const probed = Object.fromEntries(Object.entries(result.probes).map(([key, probe]) => [key, probe.ok ? probe.value : probe]));
    // Node 20's V8 and Chromium's differ in the last bits of some Math functions (…957 vs …956):
    // numbers are compared to 12 significant digits.
    expect(roundNumbers(probed)).toEqual(roundNumbers(values));
  });
});

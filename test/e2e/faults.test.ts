// Faults in the page, in real Chromium: one cell of every bad kind (test/e2e/lessons/_faults/).
// Each shows a clear error in place, and every cell that does not depend on it stays fulfilled.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { compileLesson } from "../../src/compile/index.ts";
import type { CellState, LessonApi } from "../../src/runtime/types.ts";
import { launchBrowser, startDevServer, type Browser, type Site } from "./browser.ts";
import { readValue } from "./lessonPage.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";

let browser: Browser;
let site: Site;
let page: Page;
let cells: CellState[];
let sourceLines: string[];

beforeAll(async () => {
  [browser, site] = await Promise.all([launchBrowser(), startDevServer("_faults")]);
  const source = readFileSync(join(site.lessonsDir, "fixture-faults.md"), "utf8");
  sourceLines = source.split("\n");
  page = await browser.newPage();
  await page.goto(`${site.url}fixture-faults.html`);
  await page.waitForFunction(() => typeof (window as unknown as { lesson?: { idle?: unknown } }).lesson?.idle === "function", undefined, { timeout: 20_000 });
  // idle() must come back although two cells never settle: they are reported as stalled.
  cells = await page.evaluate(async () => {
    const lesson = (window as unknown as { lesson: LessonApi }).lesson;
    await Promise.race([lesson.idle(), new Promise((_, reject) => setTimeout(() => reject(new Error("idle() never resolved")), 40_000))]);
    return lesson.cells();
  });
  expect(compileLesson(source, { file: "fixture-faults.md" }).cells.length).toBe(cells.length);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The cell whose code starts on the line after the fence that precedes `text`. */
function cellAt(text: string): CellState {
  const line = sourceLines.findIndex((l) => l.includes(text)) + 1;
  const cell = cells.filter((c) => c.line <= line).sort((a, b) => b.line - a.line)[0];
  if (!cell || line === 0) throw new Error(`no cell at ${text}`);
  return cell;
}

/** The text shown in a cell's output element. */
function outputText(cell: CellState): Promise<string> {
  return page.locator(`[data-cell="${cell.id}"]`).textContent().then((t) => t ?? "");
}

describe("a lesson with one cell of every bad kind", () => {
  it("keeps every unrelated cell fulfilled, the page responsive, and the prose live", async () => {
    // The first definition of a name defined twice is the one that counts (the second is the error).
    for (const text of ["const ok = 1 + 1;", "const typed: number", "ok * 10", "const twice = 1;"]) {
      expect(cellAt(text).status, text).toBe("fulfilled");
    }
    expect(await readValue(page, "ok")).toBe(2);
    // A type error is TypeScript's business (`lesson check`): the page runs the cell as JavaScript.
    expect(await readValue(page, "typed")).toBe("not a number");
    expect(await page.locator("#lesson").textContent()).toContain("keeps working: 200, 12.");
    const started = Date.now();
    await page.evaluate(() => 1);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  const failures: [string, string, RegExp][] = [
    ["a syntax error", "const syntax = (1 + ;", /Unexpected token|SyntaxError/i],
    ["a throw", "const thrown: number", /kaboom/],
    ["a rejected promise", "const refused", /refused on purpose/],
    ["an undefined name", "const undefinedName", /missingName/],
    ["a name defined twice (the second definition)", "const twice = 2;", /defined more than once/i],
    ["a cycle (first)", "const cycleA", /cycle|circular/i],
    ["a cycle (second)", "const cycleB", /cycle|circular/i],
    ["an endless loop in an author cell", "while (true) spins++", /Stopped: this cell ran for more than 5 s/],
    ["unbounded recursion", "function down", /call stack|recursed too deeply/i],
    ["a generator that never yields", "while (true) yield* []", /Stopped: this cell ran for more than 5 s/],
  ];
  for (const [name, text, message] of failures) {
    it(`shows ${name} in place, as a rejected cell`, async () => {
      const cell = cellAt(text);
      expect(cell.status, `${text}: ${cell.error}`).toBe("rejected");
      expect(cell.error).toMatch(message);
      await expect.poll(() => outputText(cell)).toMatch(message);
      expect(await page.locator(`[data-cell="${cell.id}"] .cell-error`).count()).toBe(1);
    });
  }

  it("shows a million elements as a short, paged preview", async () => {
    const cell = cellAt("Array.from({length: 1e6}");
    expect(cell.status).toBe("fulfilled");
    const output = page.locator(`[data-cell="${cell.id}"]`);
    expect(await outputText(cell)).toContain("Array(1000000)");
    await output.locator("summary").first().click();
    await expect.poll(() => output.locator(".inspect-more").textContent()).toContain("999900 more");
    expect(await output.locator("*").count()).toBeLessThan(1000);
  });

  it("reports a cell that never settles with a notice, without blocking idle()", async () => {
    const cell = cellAt("yield await new Promise");
    expect(cell.status).toBe("pending");
    expect(cell.stalled).toBe(true);
    expect(cell.error).toMatch(/Still waiting/);
    await expect.poll(() => outputText(cell)).toMatch(/Still waiting: this cell has produced no value/);
    expect(await page.locator(`[data-cell="${cell.id}"] [role=status]`).count()).toBe(1);
  });

  it("reads the notice of an inline value that never comes at full contrast, not faded as pending", async () => {
    const span = page.locator("span[data-cell]", { has: page.locator(".cell-notice") }).first();
    await expect.poll(() => span.locator(".cell-notice").textContent(), { timeout: 30_000 }).toMatch(/Still waiting/);
    expect(await span.getAttribute("data-status")).toBe("pending");
    // Faded to 0.55, the notice failed WCAG's contrast (axe, light theme).
    expect(await span.evaluate((node) => getComputedStyle(node).opacity)).toBe("1");
  });
});

// Exercises in real Chromium, as a student uses them: attempt, fail with a counterexample, ask for
// hints, pass, reload and still be passed, a new variant, a revealed solution; by keyboard; axe in
// light and dark; and the built site holds no solution that is not marked `reveal`.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LessonApi } from "../../src/runtime/types.ts";
import { buildAndServe, launchBrowser, repoDir, startDevServer, type Browser, type Site } from "./browser.ts";
import { check, exercise, feedback, typeCode, waitForAnswers } from "./exercisePage.ts";
import { openLesson } from "./lessonPage.ts";

type Summary = ReturnType<NonNullable<LessonApi["exercises"]>>[number];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const exercises = (page: Page): Promise<Summary[]> =>
  page.evaluate(() => (window as unknown as { lesson: Required<LessonApi> }).lesson.exercises());



describe("exercises (dev server)", () => {
  let site: Site;
  let url: string;
  beforeAll(async () => {
    site = await startDevServer("_exercises");
    url = `${site.url}fixture-exercises.html`;
    // The first request starts computing the exercises' answers with the Node runner; the dev
    // server serves the page meanwhile, saying so. Wait until a page has them (slow under load).
    const page = await browser.newPage();
    await waitForAnswers(page, url, "twice");
    await page.evaluate(() => localStorage.clear());
    await page.close();
  }, 300_000);
  afterAll(async () => {
    await site?.close();
  });

  it("fails with a counterexample, gives hints one at a time, passes, and is still passed after a reload", async () => {
    const page = await browser.newPage();
    await openLesson(page, url);
    await page.evaluate(() => localStorage.clear());
    await openLesson(page, url);
    await expect.poll(() => exercise(page, "dLdw").getAttribute("data-state")).toBe("unattempted");
    // The starter's editor is open from the start.
    await exercise(page, "dLdw").locator(".cm-content").waitFor({ timeout: 20_000 });

    expect(await check(page, "dLdw")).toBe("Not yet. dLdw(0): expected −68, got 0");
    expect(await exercise(page, "dLdw").getAttribute("data-state")).toBe("failed");
    expect(await feedback(page, "dLdw").getAttribute("aria-live")).toBe("polite");

    const hints = exercise(page, "dLdw").locator("[data-hint]");
    expect(await hints.evaluateAll((els) => els.map((el) => (el as HTMLElement).hidden))).toEqual([true, true]);
    await exercise(page, "dLdw").locator('button[data-action="hint"]').click();
    expect(await hints.evaluateAll((els) => els.map((el) => (el as HTMLElement).hidden))).toEqual([false, true]);
    // The hint asked for has the focus, so a screen reader reads it next.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-hint"))).toBe("dLdw/1");

    await typeCode(page, "dLdw", "function dLdw(w: number): number {\n return 2 * w - 68;");
    expect(await check(page, "dLdw")).toBe("Not yet. dLdw(1): expected −40, got −66");

    await typeCode(page, "dLdw", "function dLdw(w: number): number {\n return 28 * w - 68;");
    expect(await check(page, "dLdw")).toMatch(/^Passed/);
    expect(await exercise(page, "dLdw").getAttribute("data-state")).toBe("passed");
    expect((await exercises(page)).find((e) => e.id === "dLdw")).toEqual({ id: "dLdw", state: "passed", attempts: 3, hints: 1, solutionShown: false });

    await page.reload();
    await openLesson(page, url);
    await expect.poll(() => exercise(page, "dLdw").getAttribute("data-state")).toBe("passed");
    // The student's code comes back in the (always open) editor.
    await expect.poll(() => exercise(page, "dLdw").locator(".cm-content").textContent(), { timeout: 20_000 }).toContain("28 * w - 68");
    expect((await exercises(page)).find((e) => e.id === "dLdw")).toEqual({ id: "dLdw", state: "passed", attempts: 3, hints: 1, solutionShown: false });
    await page.close();
  });

  it("names the failing probe of a sealed check without its expected value, and draws a new variant", async () => {
    const page = await browser.newPage();
    await openLesson(page, url);
    await page.evaluate(() => localStorage.clear());
    await openLesson(page, url);
    const said = await check(page, "scaled");
    expect(said).toBe("Not yet. scale(1) is not right yet (got 1)");
    expect(said).not.toContain("1.5");

    await exercise(page, "scaled").locator('button[data-action="variant"]').click();
    await expect.poll(() => feedback(page, "scaled").textContent()).toMatch(/^A new variant \(number [2-5]\)/);
    const seed = await page.evaluate(async () => ((await (window as unknown as { lesson: LessonApi }).lesson.value("exercises")) as Record<string, { seed: number }>).scaled!.seed);
    expect([2, 3, 4, 5]).toContain(seed);
    await typeCode(page, "scaled", "const scale = (x: number): number => seed * x + 0.5;");
    expect(await check(page, "scaled")).toMatch(/^Passed/);
    await page.close();
  });

  it("shows a revealed solution only after the student confirms, and records it; by keyboard", async () => {
    const page = await browser.newPage();
    await openLesson(page, url);
    await page.evaluate(() => localStorage.clear());
    await openLesson(page, url);
    const solution = exercise(page, "twice").locator("[data-solution-for]");
    expect(await solution.isHidden()).toBe(true);
    page.once("dialog", (dialog) => void dialog.dismiss());
    const button = exercise(page, "twice").locator('button[data-action="solution"]');
    await button.focus();
    await page.keyboard.press("Enter");
    expect(await solution.isHidden()).toBe(true);
    page.once("dialog", (dialog) => void dialog.accept());
    await button.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => solution.isVisible()).toBe(true);
    expect(await solution.textContent()).toContain("x * 2");
    expect((await exercises(page)).find((e) => e.id === "twice")?.solutionShown).toBe(true);
    // Check by keyboard too.
    await exercise(page, "twice").locator('button[data-action="check"]').focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => exercise(page, "twice").getAttribute("data-state")).toBe("failed");
    await page.close();
  });

  it("gives each exercise its own variant, drawn by keyboard, kept across a reload and checked at that variant", async () => {
    const page = await browser.newPage();
    await openLesson(page, url);
    await page.evaluate(() => localStorage.clear());
    await openLesson(page, url);
    const seeds = () =>
      page.evaluate(async () => {
        const all = (await (window as unknown as { lesson: LessonApi }).lesson.value("exercises")) as Record<string, { seed: number }>;
        return { scaled: all.scaled?.seed, offset: all.offset?.seed };
      });
    expect(await seeds()).toEqual({ scaled: 1, offset: 1 });
    const variant = exercise(page, "offset").locator('button[data-action="variant"]');
    await variant.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => feedback(page, "offset").textContent()).toMatch(/^A new variant \(number [23]\)/);
    const drawn = (await seeds()).offset!;
    // offset seeds=3: its variants are the build's seeds 1…3; the other exercise keeps its own.
    expect([2, 3]).toContain(drawn);
    expect((await seeds()).scaled).toBe(1);
    // The student's code reads its own exercise's seed.
    await typeCode(page, "offset", "const shift = (x: number): number => x + 10 * seed;");
    await page.keyboard.press("Shift+Enter");
    const shifted = () => page.evaluate(async () => ((await (window as unknown as { lesson: LessonApi }).lesson.value("shift")) as (x: number) => number)(0));
    await expect.poll(shifted, { timeout: 20_000 }).toBe(10 * drawn);

    await page.reload();
    await openLesson(page, url);
    await expect.poll(seeds, { timeout: 20_000 }).toEqual({ scaled: 1, offset: drawn });
    await expect.poll(shifted, { timeout: 20_000 }).toBe(10 * drawn);
    expect(await check(page, "offset")).toMatch(/^Passed/);
    // scaled was not moved by offset's new variant: its seed-1 answer passes.
    await typeCode(page, "scaled", "const scale = (x: number): number => seed * x + 0.5;");
    expect(await check(page, "scaled")).toMatch(/^Passed/);
    await page.close();
  });

  it("hands the last failing probe (its arguments, expected and actual) to the page's cells, across a reload, until it passes or progress is reset", async () => {
    const page = await browser.newPage();
    await openLesson(page, url);
    await page.evaluate(() => localStorage.clear());
    await openLesson(page, url);
    const marked = () => page.evaluate(() => (window as unknown as { lesson: LessonApi }).lesson.value("dLdwMarked"));
    expect(await marked()).toBeNull();
    expect(await check(page, "dLdw")).toBe("Not yet. dLdw(0): expected −68, got 0");
    await expect.poll(marked).toEqual({ probe: 0, source: "dLdw(0)", args: [0], actual: 0, expected: -68 });
    await typeCode(page, "dLdw", "function dLdw(w: number): number {\n return 2 * w - 68;");
    expect(await check(page, "dLdw")).toBe("Not yet. dLdw(1): expected −40, got −66");
    const second = { probe: 1, source: "dLdw(1)", args: [1], actual: -66, expected: -40 };
    await expect.poll(marked).toEqual(second);
    // The record keeps it: a reload marks the same probe.
    await openLesson(page, url);
    await expect.poll(marked).toEqual(second);
    // "Reset my progress" forgets the attempt, and its mark with it.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Reset my progress" }).click();
    await expect.poll(marked).toBeNull();
    expect(await check(page, "dLdw")).toBe("Not yet. dLdw(1): expected −40, got −66");
    await expect.poll(marked).toEqual(second);
    await typeCode(page, "dLdw", "function dLdw(w: number): number {\n return 28 * w - 68;");
    expect(await check(page, "dLdw")).toMatch(/^Passed/);
    await expect.poll(marked).toBeNull();
    await page.close();
  });

  it("marks a type error in the student's code in place, at its line in that code, and the exercise still runs", async () => {
    const page = await browser.newPage();
    await openLesson(page, url);
    await page.evaluate(() => localStorage.clear());
    await openLesson(page, url);
    const editor = exercise(page, "dLdw").locator("[data-editor]");
    // Typing as a student: the checker starts when the cursor goes into the code.
    await typeCode(page, "dLdw", "function dLdw(w: number): number {\n return String(w);");
    await expect.poll(() => editor.locator(".cell-type-problems").textContent(), { timeout: 90_000 }).toMatch(
      /Line 2, column \d+: Type 'string' is not assignable to type 'number'\./,
    );
    // Marked in the student's code, on its second line.
    const lines = editor.locator(".cm-line");
    await expect.poll(() => lines.nth(1).locator("[class*='cm-lintRange']").count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await lines.nth(0).locator("[class*='cm-lintRange']").count()).toBe(0);
    // The exercise still runs: Check runs the code and names the probe it fails.
    expect(await check(page, "dLdw")).toBe('Not yet. dLdw(0): expected −68, got "0"');
    expect(await exercise(page, "dLdw").getAttribute("data-state")).toBe("failed");
    await page.close();
  });

  it("has nothing serious for axe on the exercises, light and dark", async () => {
    const page = await browser.newPage();
    await openLesson(page, url);
    await exercise(page, "dLdw").locator('button[data-action="hint"]').click();
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      // Evaluated, not injected as a script tag: the page's CSP allows eval but no inline script.
      await page.evaluate(await readFile(join(repoDir, "node_modules/axe-core/axe.min.js"), "utf8"));
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: object, options: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
        const { violations } = await axe.run({ include: [["[data-exercise]"]] }, { resultTypes: ["violations"] });
        return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      });
      expect(violations, scheme).toEqual([]);
    }
    await page.close();
  });
});

describe("exercises (built site)", () => {
  let site: Site & { outDir: string };
  beforeAll(async () => {
    site = await buildAndServe("/course/", "_exercises");
  }, 300_000);
  afterAll(async () => {
    await site?.close();
  });

  it("ships no solution that is not marked reveal, in HTML, JavaScript or source maps", async () => {
    const files = await listFiles(site.outDir);
    expect(files.some((f) => f.endsWith(".js"))).toBe(true);
    const leaks: string[] = [];
    for (const file of files) {
      const text = await readFile(file, "utf8");
      for (const secret of ["solution-token-7f3a", "sum + 2 * x * (w * x - ys[i])", "sealed-token-91bc", "seed * x + 0.5", "offset-token-5e21"]) {
        if (text.includes(secret)) leaks.push(`${file}: ${secret}`);
      }
    }
    expect(leaks).toEqual([]);
    // The revealed one ships, hidden until asked for.
    const html = await readFile(join(site.outDir, "fixture-exercises.html"), "utf8");
    expect(html).toContain("revealed-token-c2d4");
  });

  it("checks and passes in the built page (its CSP included)", async () => {
    const page = await browser.newPage();
    await openLesson(page, `${site.url}fixture-exercises.html`);
    await page.evaluate(() => localStorage.clear());
    await openLesson(page, `${site.url}fixture-exercises.html`);
    expect(await check(page, "dLdw")).toBe("Not yet. dLdw(0): expected −68, got 0");
    await typeCode(page, "dLdw", "function dLdw(w: number): number {\n return 28 * w - 68;");
    expect(await check(page, "dLdw")).toMatch(/^Passed/);
    await page.close();
  });
});

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)])));
  return nested.flat();
}

// A student's session with blanks, predictions and a guess on a figure (test/e2e/lessons/_learning):
// wrong then right answers, a prediction answered and one skipped, a guess placed by keyboard; a
// reload that keeps everything; the index's progress moving; the record downloaded, accepted by
// `lesson verify`, and a tampered copy rejected, naming the item.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Page } from "playwright-core";
import { runVerify } from "../../src/cli/verify.ts";
import { launchBrowser, startDevServer, type Browser, type Site } from "./browser.ts";
import { openLesson, settle } from "./lessonPage.ts";

let browser: Browser;
let site: Site;
let scratch: string;

beforeAll(async () => {
  [browser, site, scratch] = await Promise.all([launchBrowser(), startDevServer("_learning"), mkdtemp(join(tmpdir(), "live-lesson-record-"))]);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const blank = (page: Page, text: string) => page.locator(".blank", { has: page.locator(`input[aria-label*="${text}"]`) });
const stateOf = (page: Page, selector: string) => page.locator(selector).first().getAttribute("data-state");

async function answer(page: Page, label: string, text: string): Promise<void> {
  const input = blank(page, label).locator("input");
  await input.fill(text);
  await input.press("Enter");
}

async function indexProgress(page: Page, file: string): Promise<number> {
  await page.goto(`${site.url}index.html`);
  const entry = page.locator(`li[data-lesson-file="${file}"]`);
  await expect.poll(() => entry.getAttribute("data-progress"), { timeout: 15_000 }).not.toBeNull();
  return Number(await entry.getAttribute("data-progress"));
}

async function runCli(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...parts) => void lines.push(parts.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...parts) => void lines.push(parts.join(" ")));
  try {
    const code = await runVerify(args);
    return { code, out: lines.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe("a student's session", () => {
  it("answers, predicts, guesses, reloads, sees progress, downloads and verifies the record", async () => {
    const page = await browser.newPage();
    const url = `${site.url}fixture-learning.html`;
    await openLesson(page, url);
    await page.evaluate(() => localStorage.clear());
    expect(await indexProgress(page, "fixture-learning.md")).toBe(0);
    await openLesson(page, url);
    const bar = page.locator(".learning-bar");
    await expect.poll(() => bar.getAttribute("data-progress")).not.toBeNull();

    // A wrong answer with the author's feedback, then the right one.
    const times = blank(page, "Three times four");
    await answer(page, "Three times four", "7");
    await expect.poll(() => times.locator("input").getAttribute("data-state")).toBe("wrong");
    await expect.poll(() => times.locator(".blank-feedback").textContent()).toContain("that is three plus four");
    await answer(page, "Three times four", "12");
    await expect.poll(() => times.locator("input").getAttribute("data-state")).toBe("right");

    // A live answer follows the slider (k = 2 at first); the record keeps k for lesson verify.
    await answer(page, "Twice k is", "5");
    await expect.poll(() => blank(page, "Twice k is").locator("input").getAttribute("data-state")).toBe("wrong");
    await answer(page, "Twice k is", "4");
    await expect.poll(() => blank(page, "Twice k is").locator("input").getAttribute("data-state")).toBe("right");

    // A formula: how it was read is shown (KaTeX) before it is checked at seeded points.
    const formula = blank(page, "derivative of");
    await formula.locator("input").fill("x*2");
    await expect.poll(() => formula.locator(".blank-preview .katex").count(), { timeout: 15_000 }).toBe(1);
    await formula.locator("input").press("Enter");
    await expect.poll(() => formula.locator("input").getAttribute("data-state"), { timeout: 15_000 }).toBe("right");

    // A prediction hides what follows until its blank is answered.
    const first = page.locator('[data-predict]:has(.predict-title:has-text("One step"))');
    const firstId = await first.getAttribute("data-predict");
    const firstBody = page.locator(`details[data-predict-body="${firstId}"]`);
    expect(await first.getAttribute("data-state")).toBe("open");
    expect(await firstBody.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await expect(firstBody.locator("summary").textContent()).resolves.toContain("hidden until you answer");
    await answer(page, "where does w land", "3.5");
    await expect.poll(() => first.getAttribute("data-state")).toBe("answered");
    expect(await firstBody.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    // The guess beside the truth.
    await expect.poll(() => blank(page, "where does w land").locator(".blank-feedback").textContent()).toMatch(/Your guess: 3\.5.*the answer: 3\.4/);

    // "Skip and show": the prediction is skipped and its blank revealed.
    const second = page.locator('[data-predict]:has(.predict-title:has-text("Two steps"))');
    const secondId = await second.getAttribute("data-predict");
    await page.locator(`details[data-predict-body="${secondId}"] > summary`).click();
    await expect.poll(() => second.getAttribute("data-state")).toBe("skipped");
    await expect.poll(() => stateOf(page, `[data-predict="${secondId}"] input[data-blank]`)).toBe("revealed");

    // A guess on the figure, placed by keyboard, announced, then the truth drawn.
    const guess = page.locator('[data-guess="point"]');
    await guess.focus();
    await expect(guess.getAttribute("aria-label")).resolves.toContain("arrow keys");
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await expect.poll(() => guess.getAttribute("data-state")).toBe("placed");
    await expect(guess.getAttribute("aria-label")).resolves.toMatch(/placed at \(2, 4\.8\d*\); the true point is \(2, 4\)/);
    expect(await page.locator('[data-guess="point"] .guess-truth').getAttribute("cx")).not.toBeNull();
    await expect.poll(() => page.locator('[data-predict]:has(.predict-title:has-text("Where is the point"))').getAttribute("data-state")).toBe("answered");
    const progress = Number(await bar.getAttribute("data-progress"));
    expect(progress).toBeGreaterThan(0);

    // A reload keeps everything.
    await openLesson(page, url);
    await expect.poll(() => stateOf(page, ".blank-input[aria-label*='Three times four']")).toBe("right");
    expect(await blank(page, "Three times four").locator("input").inputValue()).toBe("12");
    await expect.poll(() => first.getAttribute("data-state")).toBe("answered");
    await expect.poll(() => second.getAttribute("data-state")).toBe("skipped");
    await expect.poll(() => page.locator('[data-guess="point"]').getAttribute("data-state"), { timeout: 15_000 }).toBe("placed");
    await expect.poll(async () => Number(await bar.getAttribute("data-progress"))).toBeGreaterThanOrEqual(progress);

    // window.lesson.record(): xAPI statements.
    const record = (await page.evaluate(() => (window as unknown as { lesson: { record(): unknown } }).lesson.record())) as {
      lesson: { file: string; version: string };
      statements: { actor: unknown; verb: { id: string }; object: { id: string }; result?: { success?: boolean; response?: string } }[];
    };
    expect(record.lesson.file).toBe("fixture-learning.md");
    expect(record.statements.map((s) => s.verb.id)).toContain("http://adlnet.gov/expapi/verbs/answered");
    expect(record.statements.every((s) => s.actor && s.object.id.startsWith(url))).toBe(true);

    // "Download my record".
    const [download] = await Promise.all([page.waitForEvent("download"), bar.getByRole("button", { name: "Download my record" }).click()]);
    const file = join(scratch, "record.json");
    await download.saveAs(file);
    const downloaded = JSON.parse(await readFile(file, "utf8"));
    expect(downloaded.statements.length).toBe(record.statements.length);

    // The index shows the lesson's progress, and none for the other.
    expect(await indexProgress(page, "fixture-learning.md")).toBeGreaterThan(0);
    expect(await indexProgress(page, "other-lesson.md")).toBe(0);

    // lesson verify accepts the record, and rejects a copy that claims a wrong answer was right.
    const accepted = await runCli([file, site.lessonsDir]);
    expect(accepted.out).toContain("The record holds");
    expect(accepted.out).toMatch(/✓ fixture-learning\.md:\d+ blank \w+: right \("4", after 1 wrong\)/);
    expect(accepted.code).toBe(0);
    const tampered = structuredClone(downloaded);
    const wrong = tampered.statements.find((s: { result?: { response?: string; success?: boolean } }) => s.result?.response === "7");
    wrong.result.success = true;
    const tamperedFile = join(scratch, "tampered.json");
    await writeFile(tamperedFile, JSON.stringify(tampered));
    const rejected = await runCli([tamperedFile, site.lessonsDir]);
    expect(rejected.code).toBe(1);
    const blankId = wrong.object.id.replace(/^.*#blank\//, "");
    expect(rejected.out).toMatch(new RegExp(`✗ fixture-learning\\.md:\\d+ blank ${blankId}: answer 1 "7" is recorded as right, but it is wrong`));

    // "Reset my progress", after a confirmation.
    await openLesson(page, url);
    page.once("dialog", (dialog) => void dialog.accept());
    await bar.getByRole("button", { name: "Reset my progress" }).click();
    await expect.poll(() => stateOf(page, ".blank-input[aria-label*='Three times four']")).toBe("empty");
    await expect.poll(() => first.getAttribute("data-state")).toBe("open");
    await settle(page);
    await page.close();
  });
});

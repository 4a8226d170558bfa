// In-page editing with the keyboard only, in real Chromium (issue 5): a hidden cell that displays
// nothing comes into sight with "Show all code", its code opens from its summary (Tab, Enter), Tab
// enters the editor, Shift-Enter runs, Escape then Tab leaves it; and, on the dev server, a cell the
// author changes after the reader edited it keeps the reader's version, flagged, with the difference
// one button away.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAndServe, launchBrowser, startDevServer, type Browser, type Site } from "./browser.ts";
import { openLesson, readValue, settle } from "./lessonPage.ts";

let browser: Browser;
let dev: Site;
let built: Site;

beforeAll(async () => {
  [browser, dev, built] = await Promise.all([launchBrowser(), startDevServer(), buildAndServe("/course/")]);
});

afterAll(async () => {
  await browser?.close();
  await dev?.close();
  await built?.close();
});

/** Opens the fixture with no saved edits. */
async function openClean(page: Page, url: string): Promise<void> {
  await openLesson(page, url);
  await page.evaluate(() => localStorage.clear());
  await openLesson(page, url);
}

/** What has the focus: its tag, its class and the editor (cell id) it sits in. */
function describeFocus(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return {
      tag: active?.tagName.toLowerCase(),
      className: active?.className ?? "",
      text: active?.textContent?.trim().slice(0, 40),
      editor: active?.closest("[data-editor]")?.getAttribute("data-editor") ?? active?.closest(".cell")?.querySelector("[data-editor]")?.getAttribute("data-editor"),
    };
  });
}

const hiddenCellLine = 14;

async function hiddenCellId(page: Page): Promise<string> {
  const cells = await page.evaluate(() => window.lesson!.cells());
  return cells.find((cell) => cell.line === hiddenCellLine)!.id;
}

describe.each(["dev", "build"] as const)("editing with the keyboard only (%s)", (mode) => {
  const url = () => `${(mode === "dev" ? dev : built).url}fixture-hidden.html`;

  it("opens a hidden cell from its summary, edits it, runs it with Shift-Enter, and leaves with Escape, Tab", async () => {
    const page = await browser.newPage();
    await openClean(page, url());
    const id = await hiddenCellId(page);
    expect(await page.locator("#lesson").textContent()).toContain("Three times k is 6.");
    const details = page.locator("details.cell-code", { has: page.locator(`[data-source-for="${id}"], [data-editor="${id}"]`) });
    expect(await details.evaluate((node) => (node as HTMLDetailsElement).open)).toBe(false);

    // The hidden cell displays nothing, so it is out of sight and out of the Tab order: from the
    // slider, Tab goes on to the next cell's listing.
    const slider = page.locator("#lesson input[type=range]");
    await slider.focus();
    await page.keyboard.press("Tab");
    expect(await describeFocus(page)).toMatchObject({ tag: "pre" });
    expect((await describeFocus(page)).editor).not.toBe(id);

    // "Show all code" (the lesson bar, by keyboard) brings it into sight with its code open; from
    // the slider, Tab now reaches its summary, and Enter closes and opens the code.
    const showAll = page.locator(".lesson-edits button", { hasText: "Show all code" });
    await showAll.focus();
    await page.keyboard.press("Enter");
    expect(await showAll.getAttribute("aria-pressed")).toBe("true");
    expect(await details.evaluate((node) => (node as HTMLDetailsElement).open)).toBe(true);
    await slider.focus();
    await page.keyboard.press("Tab");
    expect(await describeFocus(page)).toMatchObject({ tag: "summary", editor: id });
    await page.keyboard.press("Enter");
    expect(await details.evaluate((node) => (node as HTMLDetailsElement).open)).toBe(false);
    await page.keyboard.press("Enter");
    expect(await details.evaluate((node) => (node as HTMLDetailsElement).open)).toBe(true);

    // Tab goes into the code: CodeMirror once it is in, or the listing, which brings it in.
    const content = page.locator(`[data-editor="${id}"] .cm-content`);
    await page.keyboard.press("Tab");
    await content.waitFor({ timeout: 15_000 });
    await expect.poll(() => content.evaluate((node) => node === document.activeElement || node.contains(document.activeElement))).toBe(true);
    expect(await content.getAttribute("aria-description")).toMatch(/Shift-Enter runs the cell\. Tab moves on .* Escape/);

    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("const tripled: number = k * 30;");
    await page.keyboard.press("Shift+Enter");
    await expect.poll(() => page.locator("#lesson").textContent()).toContain("Three times k is 60.");
    expect(await readValue(page, "shown")).toBe(61);
    await expect.poll(() => page.locator(`[data-editor="${id}"] .cell-edited-badge`).isVisible()).toBe(true);

    // Escape closes any suggestion list; Tab then leaves the editor for the cell's Run button.
    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    expect(await describeFocus(page)).toMatchObject({ tag: "button", text: "Run", editor: id });
    await page.keyboard.press("Shift+Tab");
    await expect.poll(() => content.evaluate((node) => node === document.activeElement || node.contains(document.activeElement))).toBe(true);

    // The edit survives a reload, still marked.
    await openLesson(page, url());
    await expect.poll(() => page.locator("#lesson").textContent()).toContain("Three times k is 60.");
    expect(await page.locator(`[data-editor="${id}"] .cell-edited-badge`).isHidden()).toBe(false);

    // Reset by keyboard: focus the cell's Reset and press Enter.
    await page.locator(`[data-editor="${id}"] button`, { hasText: "Reset" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#lesson").textContent()).toContain("Three times k is 6.");
    expect(await settle(page)).toSatisfy((cells: Array<{ status: string }>) => cells.every((cell) => cell.status === "fulfilled"));
    await page.close();
  });
});

describe("an author's change to a cell the reader edited (dev server)", () => {
  it("keeps the reader's version, flags it, and shows the difference on request", async () => {
    const page = await browser.newPage();
    const url = `${dev.url}fixture-slider.html`;
    await openClean(page, url);
    const file = join(dev.lessonsDir, "fixture-slider.md");
    const source = await readFile(file, "utf8");
    const details = page.locator("details.cell-code", { hasText: "const doubled" }).first();
    const id = (await details.locator("[data-editor]").getAttribute("data-editor"))!;
    const editor = page.locator(`[data-editor="${id}"]`);

    // The reader edits the cell from the keyboard: focus the listing, type, Shift-Enter.
    await page.locator(`[data-source-for="${id}"]`).focus();
    await editor.locator(".cm-content").waitFor({ timeout: 15_000 });
    await editor.locator(".cm-content").focus();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("const doubled: number = k * 100;");
    await page.keyboard.press("Shift+Enter");
    await expect.poll(() => page.locator("#lesson").textContent()).toContain("Twice k is 200.");

    // Then the author changes the same cell on disk.
    try {
      await writeFile(file, source.replace("const doubled: number = k * 2;", "const doubled: number = k * 2 + 0.5;"));
      const flag = page.locator(".cell-author-changed:not([hidden])");
      await flag.waitFor({ timeout: 15_000 });
      expect(await flag.textContent()).toContain("The author changed this cell");
      // The reader's version is kept and still runs.
      await settle(page);
      expect(await page.locator("#lesson").textContent()).toContain("Twice k is 200.");
      expect(await readValue(page, "doubled")).toBe(200);
      expect(await page.locator(".cell-edited-badge:visible").count()).toBe(1);

      // The difference, opened from the keyboard.
      const show = flag.locator("button", { hasText: /author's changes|difference/ });
      expect(await show.getAttribute("aria-expanded")).toBe("false");
      await show.focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => show.getAttribute("aria-expanded")).toBe("true");
      const diff = page.locator(`#${await show.getAttribute("aria-controls")}`);
      await expect.poll(() => diff.textContent()).toContain("+ const doubled: number = k * 2 + 0.5;");
      expect(await diff.textContent()).toContain("- const doubled: number = k * 2;");
      expect(await diff.isVisible()).toBe(true);
    } finally {
      await writeFile(file, source);
    }
    await page.close();
  });
});

// In-page editing in real Chromium, as a reader uses it: type into a cell, run it, break it, stop a
// runaway loop, reload, reset, and open a share link in a fresh page.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LessonApi } from "../../src/runtime/types.ts";
import { buildAndServe, launchBrowser, startDevServer, type Browser, type Site } from "./browser.ts";
import { findEditor, lessonText, openClean, typeAndRun } from "./editorPage.ts";
import { openLesson, readValue } from "./lessonPage.ts";

let browser: Browser;
// The fixture lesson's page under test; EDITOR_E2E_URL points the tests at one given page instead.
let url: string;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const statuses = (page: Page) =>
  page.evaluate(() => (window as unknown as { lesson: LessonApi }).lesson.cells().map((cell) => cell.status));
const settle = (page: Page) => page.evaluate(() => (window as unknown as { lesson: LessonApi }).lesson.idle());

// The dev server (what an author sees) and the built site (what readers get, with its CSP).
const modes = process.env.EDITOR_E2E_URL ? (["given page"] as const) : (["dev", "build"] as const);

describe.each(modes)("editing a cell in the page (%s)", (mode) => {
  let site: Site | undefined;
  beforeAll(async () => {
    if (mode === "given page") url = process.env.EDITOR_E2E_URL!;
    else {
      site = mode === "dev" ? await startDevServer() : await buildAndServe();
      url = `${site.url}fixture-slider.html`;
    }
  });
  afterAll(async () => {
    await site?.close();
  });

  it("runs an edit, shows errors in place, stops runaway loops, keeps edits across reloads, resets", async () => {
    const page = await browser.newPage();
    await openClean(page, url);
    const editor = await findEditor(page, "const doubled");
    expect(await editor.locator(".cm-content").getAttribute("aria-label")).toMatch(/^Edit cell at line \d+$/);
    await expect.poll(() => lessonText(page)).toContain("Twice k is 4.");

    // A dependent (the inline expression) recomputes; the slider keeps its value.
    await typeAndRun(page, editor, "const doubled: number = k * 10;");
    await expect.poll(() => lessonText(page)).toContain("Twice k is 20.");
    expect(await readValue(page, "k")).toBe(2);
    await editor.locator(".cell-edited-badge").waitFor({ state: "visible" });

    // A syntax error shows in place with its position in the cell; nothing else changes.
    await typeAndRun(page, editor, "const doubled = k * ;");
    await expect.poll(() => editor.locator(".cell-error").textContent()).toMatch(/Line 1, column \d+/);
    await settle(page);
    expect(await statuses(page)).not.toContain("rejected");
    expect(await readValue(page, "doubled")).toBe(20);

    // A name defined twice is refused the same way.
    await typeAndRun(page, editor, "const doubled = 1; const k = 3;");
    await expect.poll(() => editor.locator(".cell-error").textContent()).toContain("defined more than once");
    expect(await readValue(page, "doubled")).toBe(20);

    // An endless loop is stopped with a clear message, and the page keeps answering.
    await typeAndRun(page, editor, "let i = 0;\nwhile (true) { i++ }\nconst doubled = i;");
    const started = Date.now();
    await page.evaluate(() => 1);
    expect(Date.now() - started).toBeLessThan(3000);
    const failure = () =>
      page.evaluate(() =>
        (window as unknown as { lesson: LessonApi }).lesson.value("doubled").then(
          () => "",
          (error: unknown) => String((error as Error)?.message ?? error),
        ),
      );
    await expect.poll(failure, { timeout: 10_000 }).toContain("Stopped: this cell ran for more than 1 s");
    // One cell, one loop: one message, in the cell's output (the editor's status points at it).
    const stopped = (): Promise<number> => lessonText(page).then((text) => (text ?? "").split("Stopped: this cell ran for more than 1 s").length - 1);
    await expect.poll(stopped).toBe(1);
    const id = await editor.getAttribute("data-editor");
    expect(await page.locator(`[data-cell="${id}"] .cell-error`).textContent()).toContain("Stopped: this cell ran for more than 1 s");
    expect(await editor.locator(".cell-editor-status").textContent()).toMatch(/Ran with an error \(shown in the output below\)/);

    // Fix it; the edit survives a reload.
    await typeAndRun(page, editor, "const doubled: number = k * 10;");
    await expect.poll(() => lessonText(page)).toContain("Twice k is 20.");
    await page.reload();
    await page.waitForFunction(() => typeof (window as unknown as { lesson?: { idle?: unknown } }).lesson?.idle === "function");
    const reloaded = await findEditor(page, "k * 10");
    await expect.poll(() => lessonText(page)).toContain("Twice k is 20.");
    await reloaded.locator(".cell-edited-badge").waitFor({ state: "visible" });

    // Reset puts the author's version back, in the editor and in the page.
    await reloaded.getByRole("button", { name: "Reset" }).click();
    await expect.poll(() => lessonText(page)).toContain("Twice k is 4.");
    await expect.poll(() => reloaded.locator(".cm-content").textContent()).toContain("k * 2");
    await reloaded.locator(".cell-edited-badge").waitFor({ state: "hidden" });
    await page.close();
  });

  it("continues a long line that wraps under its first character, not at the margin (375 px)", async () => {
    const page = await browser.newPage({ width: 375, height: 800 });
    await openClean(page, url);
    const editor = await findEditor(page, "const doubled");
    await editor.locator(".cm-content").click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText(`const doubled = [\n    ${"k, ".repeat(60)}\n];`);
    // Where each character of the indented line lands: the first visual line's first character, and
    // the leftmost character of the lines it wraps onto.
    const { indent, wrapped, rows } = await editor.locator(".cm-line").nth(1).evaluate((line) => {
      const boxes: DOMRect[] = [];
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.textContent!.length; i++) {
          if (!node.textContent![i]!.trim()) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          boxes.push(range.getBoundingClientRect());
        }
      }
      const firstTop = boxes[0]!.top;
      const later = boxes.filter((box) => box.top > firstTop + 2);
      return { indent: boxes[0]!.left, wrapped: Math.min(...later.map((box) => box.left)), rows: new Set(boxes.map((box) => Math.round(box.top))).size };
    });
    expect(rows, "the line should wrap at 375 px").toBeGreaterThan(1);
    expect(wrapped).toBeGreaterThanOrEqual(indent - 1);
    await page.close();
  });

  it("shares edits and inputs through a link that asks before running anything", async () => {
    const page = await browser.newPage();
    await openClean(page, url);
    const editor = await findEditor(page, "const doubled");
    await typeAndRun(page, editor, 'const doubled: number = k * 10;\nconst note = "<img src=x onerror=\'window.__pwned = 1\'>";');
    await expect.poll(() => lessonText(page)).toContain("Twice k is 20.");
    await page.evaluate(() => (window as unknown as { lesson: LessonApi }).lesson.set("k", 5));
    await expect.poll(() => lessonText(page)).toContain("Twice k is 50.");
    await page.getByRole("button", { name: "Share" }).click();
    const link = page.locator(".lesson-edits-link");
    await link.waitFor({ state: "visible" });
    const shared = await link.inputValue();
    expect(shared).toMatch(/#share=[A-Za-z0-9_-]+$/);
    await page.close();

    // A fresh page: no saved edits. The dialog lists the changes and nothing runs before "Run".
    const fresh = await browser.newPage();
    await openClean(fresh, url, shared);
    const dialog = fresh.locator("dialog[open]");
    await dialog.waitFor({ state: "visible" });
    await expect.poll(() => dialog.textContent()).toContain("Run code from this link?");
    // The heading starts at the top of the dialog, without an empty band above it.
    const gap = await dialog.evaluate((d) => d.querySelector("h2")!.getBoundingClientRect().top - d.getBoundingClientRect().top);
    expect(gap).toBeLessThan(32);
    await expect.poll(() => dialog.textContent()).toContain("+ const doubled: number = k * 10;");
    await expect.poll(() => dialog.textContent()).toContain("<img src=x");
    await expect.poll(() => dialog.textContent()).toContain("k = 5");
    expect(await dialog.locator("img").count()).toBe(0);
    expect(await lessonText(fresh)).toContain("Twice k is 4.");
    await dialog.getByRole("button", { name: "Run shared code" }).click();
    await expect.poll(() => lessonText(fresh)).toContain("Twice k is 50.");
    expect(await readValue(fresh, "k")).toBe(5);
    expect(await fresh.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // The same link again, answered "Ignore" (Escape): nothing runs.
    await openClean(fresh, url, shared);
    await fresh.locator("dialog[open]").waitFor({ state: "visible" });
    await fresh.keyboard.press("Escape");
    await expect.poll(() => fresh.locator("dialog").count()).toBe(0);
    await settle(fresh);
    expect(await lessonText(fresh)).toContain("Twice k is 4.");
    await fresh.close();
  });

  it("refuses a hostile link politely, running and injecting nothing", async () => {
    const page = await browser.newPage();
    for (const hash of ["#share=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E", `#share=${"A".repeat(70_000)}`, "#share=eJyrVkpOzEvOTM1VslLKzMvWS8ksSk0uyS9SqgUAiM0J9g"]) {
      await openClean(page, url, url + hash);
      await expect.poll(() => page.locator(".lesson-edits-notice").textContent()).toMatch(/share link/i);
      expect(await page.locator("dialog[open]").count()).toBe(0);
      expect(await lessonText(page)).toContain("Twice k is 4.");
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    }
    await page.close();
  });

  it("survives saved data that is corrupt, and storage that is full or refused", async () => {
    const page = await browser.newPage();
    await openClean(page, url);
    const editor = await findEditor(page, "const doubled");
    await typeAndRun(page, editor, "const doubled: number = k * 10;");
    await expect.poll(() => lessonText(page)).toContain("Twice k is 20.");
    await page.evaluate(() => {
      for (const name of Object.keys(localStorage)) if (name.startsWith("live-lesson:")) localStorage.setItem(name, "{garbage");
    });
    await page.reload();
    await page.waitForFunction(() => typeof (window as unknown as { lesson?: { idle?: unknown } }).lesson?.idle === "function");
    await expect.poll(() => page.locator(".lesson-edits-notice").textContent()).toContain("could not be read");
    await settle(page);
    expect(await lessonText(page)).toContain("Twice k is 4.");
    await page.close();

    for (const script of [
      // Storage refused outright (cookies blocked): the getter throws a SecurityError.
      `Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } });`,
      // Storage full: every write throws a QuotaExceededError.
      `Storage.prototype.setItem = function () { throw new DOMException("full", "QuotaExceededError"); };`,
    ]) {
      const broken = await browser.newPage();
      await broken.addInitScript(script);
      await openLesson(broken, url);
      const editor = await findEditor(broken, "const doubled");
      await typeAndRun(broken, editor, "const doubled: number = k * 10;");
      await expect.poll(() => lessonText(broken)).toContain("Twice k is 20.");
      await expect.poll(() => broken.locator(".lesson-edits-notice").textContent()).toMatch(/kept until you leave this page|not saved/);
      await broken.close();
    }
  });
});


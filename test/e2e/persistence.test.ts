// Nothing the reader edited is lost: a tab that crashes in the middle of a save, a torn or garbled
// main copy. (Corrupt, foreign, full and refused storage: editor.test.ts and security.test.ts.)
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, startDevServer, type Browser, type Site } from "./browser.ts";
import { findEditor, lessonText, openClean, typeAndRun } from "./editorPage.ts";
import { pressSlider, readValue, settle } from "./lessonPage.ts";

let browser: Browser;
let site: Site;
let url: string;
const mainKey = "live-lesson:fixture-slider.md";

beforeAll(async () => {
  [browser, site] = await Promise.all([launchBrowser(), startDevServer()]);
  url = `${site.url}fixture-slider.html`;
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Whether the page answers a question within a second (a page frozen in a loop does not). */
function answers(page: Page): Promise<boolean> {
  const asked = page.evaluate(() => true).catch(() => false);
  return Promise.race([asked, new Promise<boolean>((done) => setTimeout(() => done(false), 1000))]);
}

describe("saved edits (nothing lost)", () => {
  it("survives a tab that crashes in the middle of a save", async () => {
    const page = await browser.newPage();
    await openClean(page, url);
    const editor = await findEditor(page, "const doubled");
    await typeAndRun(page, editor, "const doubled: number = k * 10;");
    await expect.poll(() => lessonText(page)).toContain("Twice k is 20.");
    await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), mainKey)).toContain("k * 10");

    // The save of the next edit stops half-way through writing the main copy (a torn write), and
    // the tab crashes right there, before the save can finish or anything else can run. Only the
    // save of that whole edit freezes: a loaded machine can pause long enough between keys for
    // the editor's run-on-pause to save a part, and a page frozen mid-typing hangs the keyboard.
    await page.evaluate((key) => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (name: string, value: string) {
        if (name !== key || !value.includes("k * 30;")) return setItem.call(this, name, value);
        setItem.call(this, name, value.slice(0, value.length >> 1));
        for (;;); // Frozen mid-save until the crash.
      };
    }, mainKey);
    // Put the edit in as one input (a paste: no half-typed cell for the run-on-pause to run and
    // save as the last good copy), then run it: the run saves, and the save freezes the page
    // (if the run-on-pause has not already). Wait until the page stops answering.
    await editor.locator(".cm-content").click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText("const doubled: number = k * 30;");
    const typing = page.keyboard.press("Shift+Enter").catch(() => undefined);
    await expect.poll(() => answers(page), { timeout: 60_000 }).toBe(false);
    // Closing the tab kills the stuck renderer without unload handlers (CDP's Page.crash cannot
    // reach a renderer that never yields).
    await Promise.race([page.close({ runBeforeUnload: false }), new Promise((done) => setTimeout(done, 10_000))]);
    expect(page.isClosed()).toBe(true);
    await typing;

    const fresh = await browser.newPage();
    await fresh.goto(url);
    await fresh.waitForFunction(() => typeof (window as unknown as { lesson?: { idle?: unknown } }).lesson?.idle === "function");
    // The torn main copy is set aside; the previous good copy comes back, with a notice.
    expect(await fresh.evaluate((key) => localStorage.getItem(key), mainKey)).not.toContain("k * 30;");
    await expect.poll(() => fresh.locator(".lesson-edits-notice").textContent()).toContain("an earlier copy was restored");
    await expect.poll(() => lessonText(fresh)).toContain("Twice k is 20.");
    await fresh.close();
  });

  it("keeps every edit of a save loop that a crash interrupts at a random point", async () => {
    const page = await browser.newPage();
    await openClean(page, url);
    const editor = await findEditor(page, "const doubled");
    await typeAndRun(page, editor, "const doubled: number = k * 10;");
    await expect.poll(() => lessonText(page)).toContain("Twice k is 20.");
    // Many saves in a row; the crash (CDP Page.crash: the renderer dies) lands wherever it lands.
    let crashed = false;
    page.once("crash", () => (crashed = true));
    const saves = (async () => {
      for (let i = 11; i < 60 && !crashed; i++) await typeAndRun(page, editor, `const doubled: number = k * ${i};`).catch(() => undefined);
    })();
    await new Promise((done) => setTimeout(done, 1500));
    const cdp = await browser.context.newCDPSession(page);
    void cdp.send("Page.crash").catch(() => undefined);
    await expect.poll(() => crashed, { timeout: 30_000 }).toBe(true);
    await saves;
    await page.close().catch(() => undefined);

    const fresh = await browser.newPage();
    await fresh.goto(url);
    await fresh.waitForFunction(() => typeof (window as unknown as { lesson?: { idle?: unknown } }).lesson?.idle === "function");
    await settle(fresh);
    // Some saved version of the reader's edit comes back (which one depends on where the crash
    // landed; under load an autorun may even have saved a half-typed cell), never nothing.
    const notices = await fresh.locator(".lesson-edits-notice").allTextContents();
    expect(notices).not.toContainEqual(expect.stringMatching(/could not be read|earlier copy/));
    const restored = await fresh.evaluate((key) => localStorage.getItem(key), mainKey);
    expect(Object.keys((JSON.parse(restored ?? "{}") as { cells?: object }).cells ?? {}), "the saved edits").toHaveLength(1);
    await expect.poll(() => lessonText(fresh)).not.toContain("Twice k is 4.");
    await fresh.close();
  });
});

describe("unfinished edits (nothing lost)", () => {
  it("keeps typing that does not run yet across a reload: back in its editor, marked, the lesson unchanged", async () => {
    const page = await browser.newPage();
    await openClean(page, url);
    const editor = await findEditor(page, "const doubled");
    await editor.locator(".cm-content").click();
    await page.keyboard.press("ControlOrMeta+A");
    // Half a line: it cannot run, so no edit is saved; the reload comes at once, within every pause.
    await page.keyboard.type("const doubled: number = k *");
    await page.reload();
    await page.waitForFunction(() => typeof (window as unknown as { lesson?: { idle?: unknown } }).lesson?.idle === "function");
    await page.evaluate(() => (window as unknown as { lesson: { idle(): Promise<void> } }).lesson.idle());
    const back = await findEditor(page, "const doubled: number = k *");
    expect(await back.locator(".cm-content").textContent()).toBe("const doubled: number = k *");
    expect(await back.locator(".cell-editor-status").textContent()).toContain("unfinished edit is back");
    expect(await lessonText(page)).toContain("Twice k is 4.");
    // Finishing and running it makes it the cell's edit, and a reload shows that.
    await back.locator(".cm-content").click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type(" 100;");
    await page.keyboard.press("Shift+Enter");
    await expect.poll(() => lessonText(page)).toContain("Twice k is 200.");
    await page.reload();
    await page.waitForFunction(() => typeof (window as unknown as { lesson?: { idle?: unknown } }).lesson?.idle === "function");
    await expect.poll(() => lessonText(page)).toContain("Twice k is 200.");
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.endsWith(":drafts")))).toEqual([]);
    await page.close();
  });
});

describe("slider positions (#16)", () => {
  it("keeps a moved slider across a reload, leaves an untouched one at its default, and Reset all edits puts it back", async () => {
    const page = await browser.newPage();
    await openClean(page, url);
    await expect.poll(() => lessonText(page), { timeout: 30_000 }).toContain("Twice k is 4.");
    await pressSlider(page, 'input[type="range"]', "ArrowRight", 3);
    await expect.poll(() => lessonText(page), { timeout: 30_000 }).toContain("Twice k is 10.");
    await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), `${mainKey}:inputs`), { timeout: 30_000 }).toContain('"k":5');

    await page.reload();
    await page.waitForFunction(() => typeof (window as unknown as { lesson?: { idle?: unknown } }).lesson?.idle === "function");
    await expect.poll(() => lessonText(page), { timeout: 30_000 }).toContain("Twice k is 10.");
    expect(await readValue(page, "k")).toBe(5);

    // Back at the default, nothing is kept: a default the author changes later shows for this reader.
    await page.getByRole("button", { name: "Reset all edits" }).click();
    await expect.poll(() => lessonText(page), { timeout: 30_000 }).toContain("Twice k is 4.");
    expect(await page.evaluate((key) => localStorage.getItem(key), `${mainKey}:inputs`)).toBeNull();
    await page.reload();
    await page.waitForFunction(() => typeof (window as unknown as { lesson?: { idle?: unknown } }).lesson?.idle === "function");
    await expect.poll(() => lessonText(page), { timeout: 30_000 }).toContain("Twice k is 4.");
    await page.close();
  });

  it("keeps a slider moved just before the page goes away, though the save waits for a pause", async () => {
    const page = await browser.newPage();
    await openClean(page, url);
    await pressSlider(page, 'input[type="range"]', "ArrowRight", 1);
    await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), `${mainKey}:inputs`), { timeout: 30_000 }).toContain('"k":3');
    // A move and the page going away in one task: the paused save cannot have run.
    const stored = await page.evaluate((key) => {
      const slider = document.querySelector<HTMLInputElement>('input[type="range"]')!;
      slider.value = "7";
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      const before = localStorage.getItem(key);
      window.dispatchEvent(new PageTransitionEvent("pagehide"));
      return { before, after: localStorage.getItem(key) };
    }, `${mainKey}:inputs`);
    expect(stored.before).toContain('"k":3');
    expect(stored.after).toContain('"k":7');
    await page.reload();
    await page.waitForFunction(() => typeof (window as unknown as { lesson?: { idle?: unknown } }).lesson?.idle === "function");
    await expect.poll(() => lessonText(page), { timeout: 30_000 }).toContain("Twice k is 14.");
    expect(await readValue(page, "k")).toBe(7);
    await page.close();
  });
});

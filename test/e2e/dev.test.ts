// The dev server in real Chromium: the shared site checks, then hot updates from edits on disk.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, startDevServer, type Browser, type Site } from "./browser.ts";
import { openClean } from "./editorPage.ts";
import { pressSlider, readValue } from "./lessonPage.ts";
import { defineSiteTests } from "./siteTests.ts";

let browser: Browser;
let site: Site;

beforeAll(async () => {
  [browser, site] = await Promise.all([launchBrowser(), startDevServer()]);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("dev server", () => {
  defineSiteTests({ site: () => site, browser: () => browser });

  it("hot-updates an edited lesson without a reload, keeping slider values", async () => {
    const page = await browser.newPage();
    // Clean storage: the shared tests moved k, and a page saves a moved slider as it goes (pagehide).
    await openClean(page, `${site.url}fixture-slider.html`);
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));
    await pressSlider(page, "#lesson input[type=range]", "ArrowRight", 2);
    await expect.poll(() => readValue(page, "k")).toBe(4);
    await expect.poll(() => page.locator("#lesson").textContent()).toContain("Twice k is 8.");

    // The chart's cell does not change: its drawing must survive the update as the same node.
    await page.evaluate(() => document.querySelector("#lesson svg")?.setAttribute("data-kept", "1"));

    const file = join(site.lessonsDir, "fixture-slider.md");
    const source = await readFile(file, "utf8");
    await writeFile(file, source.replace("k * 2;", "k * 3;").replace("Twice k is", "Three times k is"));

    await expect.poll(() => readValue(page, "doubled"), { timeout: 10_000 }).toBe(12);
    await expect.poll(() => page.locator("#lesson").textContent()).toContain("Three times k is 12.");
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
    expect(await page.locator('#lesson svg[data-kept="1"]').count()).toBe(1);
    expect(await readValue(page, "k")).toBe(4);
    expect(await page.locator("#lesson input[type=range]").inputValue()).toBe("4");
    await writeFile(file, source);
    await expect.poll(() => readValue(page, "doubled"), { timeout: 10_000 }).toBe(8);
    await page.close();
  });

  it("gives an untouched input the new default from the .md, and keeps the value of one the reader moved", async () => {
    const page = await browser.newPage();
    await openClean(page, `${site.url}fixture-slider.html`);
    expect(await readValue(page, "k")).toBe(2);
    const file = join(site.lessonsDir, "fixture-slider.md");
    const source = await readFile(file, "utf8");
    try {
      await writeFile(file, source.replace("{value: 2,", "{value: 5,"));
      await expect.poll(() => readValue(page, "k"), { timeout: 10_000 }).toBe(5);
      expect(await page.locator("#lesson input[type=range]").inputValue()).toBe("5");
      await pressSlider(page, "#lesson input[type=range]", "ArrowRight", 1);
      await expect.poll(() => readValue(page, "k")).toBe(6);
      await writeFile(file, source.replace("{value: 2,", "{value: 8,"));
      await expect.poll(() => page.locator("#lesson .cell-code").first().textContent(), { timeout: 10_000 }).toContain("value: 8");
      expect(await readValue(page, "k")).toBe(6);
    } finally {
      await writeFile(file, source);
    }
    await page.close();
  });
});

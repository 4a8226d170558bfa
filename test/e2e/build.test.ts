// The static build in real Chromium, served from a sub-path: the shared site checks, no request
// leaving the host, no KaTeX JavaScript where `tex` is unused, and screenshots of every lesson.
import { mkdir } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { screenshotsDir, useBrowserAndBuiltSite } from "./browser.ts";
import { openLesson, readBundledLessons } from "./lessonPage.ts";
import { defineSiteTests } from "./siteTests.ts";

const built = useBrowserAndBuiltSite();
const requests: string[] = [];
const cspViolations: string[] = [];

function record(page: Page): void {
  page.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => {
    // htl (under Inputs) parses templates with placeholder attributes such as oninput="::1" and
    // swaps them for properties at once; Chromium reports each as a blocked inline handler.
    const text = message.text();
    if (/Content Security Policy/i.test(text) && !/inline event handler/.test(text)) cspViolations.push(text);
  });
}


describe("built site", () => {
  defineSiteTests({ site: () => built.site, browser: () => built.browser, onPage: record });

  it("writes an index and one page per lesson, with a Content-Security-Policy", () => {
    for (const name of ["index.html", "fixture-slider.html", ...readBundledLessons().map((l) => `${l.slug}.html`)]) {
      const html = readFileSync(join(built.site.outDir, name), "utf8");
      expect(html, name).toContain('http-equiv="Content-Security-Policy"');
      expect(html, name).toMatch(/<script type="module" crossorigin src="\.\/assets\//);
    }
  });

  it("makes no request outside the host and runs under its CSP", async () => {
    expect(built.site.url).toMatch(/\/course\/$/);
    // Every page once more (the shared checks above were recorded too), so this test stands alone.
    const page = await built.browser.newPage();
    record(page);
    await page.goto(built.site.url);
    for (const slug of [...readBundledLessons().map((l) => l.slug), "fixture-slider", "fixture-errors"]) {
      await openLesson(page, `${built.site.url}${slug}.html`);
    }
    await page.close();
    expect(requests.length).toBeGreaterThan(0);
    const origin = new URL(built.site.url).origin;
    const foreign = requests.filter((url) => !url.startsWith(`${origin}/course/`) && !/^(data|blob):/.test(url));
    expect(foreign).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it("fetches no stylesheet: each is in its page, and KaTeX's fonts load from the sub-path", async () => {
    const page = await built.browser.newPage();
    const fetched: string[] = [];
    const failed: string[] = [];
    page.on("request", (request) => fetched.push(request.url()));
    page.on("response", (response) => void (response.ok() || failed.push(`${response.status()} ${response.url()}`)));
    // The chapter has math and Inputs, whose chunk lists Inputs' CSS among its dependencies.
    for (const slug of ["derivatives-and-gradients", "fixture-slider"]) await openLesson(page, `${built.site.url}${slug}.html`);
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((font) => font.status === "loaded").map((font) => font.family);
    });
    await page.close();
    expect(fetched.filter((url) => /\.css(\?|$)/.test(url))).toEqual([]);
    expect(failed).toEqual([]);
    expect(fonts).toContain("KaTeX_Main");
  });

  it("loads no KaTeX JavaScript on a page that does not use tex", async () => {
    const page = await built.browser.newPage();
    const scripts: Promise<{ url: string; code: string }>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") scripts.push(response.text().then((code) => ({ url: response.url(), code })));
    });
    await openLesson(page, `${built.site.url}fixture-slider.html`);
    const loaded = await Promise.all(scripts);
    expect(loaded.length).toBeGreaterThan(0);
    // Judged by content, not file names: KaTeX's parser carries this message.
    expect(loaded.filter(({ url, code }) => /katex/i.test(url) || code.includes("KaTeX parse error")).map(({ url }) => url)).toEqual([]);
    // Math is rendered at build time: its markup and stylesheet are there, without the library.
    expect(await page.locator("#lesson .katex").count()).toBeGreaterThan(0);
    await page.close();
  });

  it("takes screenshots of every lesson in light and dark mode", async () => {
    await mkdir(screenshotsDir, { recursive: true });
    const slugs = [...readBundledLessons().map((l) => l.slug), "fixture-slider", "fixture-errors"];
    for (const width of [1000, 375]) {
      const page = await built.browser.newPage({ width, height: 800 });
      for (const colorScheme of width === 1000 ? (["light", "dark"] as const) : (["light"] as const)) {
        await page.emulateMedia({ colorScheme });
        for (const slug of ["index", ...slugs]) {
          if (slug === "index") await page.goto(built.site.url);
          else await openLesson(page, `${built.site.url}${slug}.html`);
          await page.screenshot({ path: join(screenshotsDir, `${slug}-${colorScheme}-${width}.png`), fullPage: true });
        }
      }
      await page.close();
    }
  });
});

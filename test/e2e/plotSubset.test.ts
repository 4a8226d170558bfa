// Library subsets in the built site: the worked example loads only the Plot and d3 members its
// cells read, and an in-page edit that reads another member loads the whole library and runs.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAndServe, launchBrowser, type Browser, type Site } from "./browser.ts";
import { findEditor, openClean, typeAndRun } from "./editorPage.ts";
import { describeUnfulfilled, settle } from "./lessonPage.ts";

let browser: Browser;
let site: Site & { outDir: string };

beforeAll(async () => {
  [browser, site] = await Promise.all([launchBrowser(), buildAndServe("/course/")]);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The built chunks holding all of Plot: the only ones that export `hexbin`, which no lesson reads. */
function findWholePlotChunks(outDir: string): string[] {
  const assets = join(outDir, "assets");
  return readdirSync(assets).filter((name) => name.endsWith(".js") && /\bhexbin\b/.test(readFileSync(join(assets, name), "utf8")));
}

describe("library subsets", () => {
  it("loads only the Plot members the page reads, and the whole of Plot for an edit that needs it", async () => {
    const whole = findWholePlotChunks(site.outDir);
    expect(whole.length).toBeGreaterThan(0);
    const page = await browser.newPage();
    const loaded: string[] = [];
    page.on("request", (request) => loaded.push(new URL(request.url()).pathname.replace(/^.*\//, "")));
    const url = `${site.url}derivatives-and-gradients.html`;
    await openClean(page, url);
    expect(describeUnfulfilled("derivatives-and-gradients", await settle(page))).toEqual([]);
    expect(loaded.filter((name) => whole.includes(name))).toEqual([]);

    const listing = "Plot.line(d3.range(-5, 5.001, 0.05)";
    // A hidden cell's listing is closed: open it as a reader would to see the code. Opening may
    // start putting the editor in (the listing hides meanwhile): wait until either is showing.
    const details = page.locator("details.cell-code", { hasText: listing }).first();
    await details.evaluate((element) => ((element as HTMLDetailsElement).open = true));
    await expect
      .poll(() => details.evaluate((element) => element.querySelector(".cm-content") !== null || element.querySelector("pre.listing:not([hidden])") !== null), { timeout: 20_000 })
      .toBe(true);
    const editor = await findEditor(page, listing);
    // `Plot.areaY` and `d3.shuffle` are read by no cell of the lesson, so neither subset has them.
    await typeAndRun(page, editor, 'Plot.plot({marks: [Plot.areaY(d3.shuffle([1, 4, 9]), {y: (d) => d, fill: "#ccc"})]})');
    await expect.poll(() => page.locator('#lesson g[aria-label="area"]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(describeUnfulfilled("derivatives-and-gradients", await settle(page))).toEqual([]);
    expect(loaded.filter((name) => whole.includes(name)).length).toBeGreaterThan(0);
    await page.close();
  });
});

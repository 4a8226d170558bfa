// Library subsets in the built site: the worked example loads only the Plot and d3 members its
// cells read, and an in-page edit that reads another member loads the whole library and runs.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBrowserAndBuiltSite } from "./browser.ts";
import { findEditor, openClean, typeAndRun } from "./editorPage.ts";
import { describeUnfulfilled, settle } from "./lessonPage.ts";

const built = useBrowserAndBuiltSite();


/** The built chunks holding all of Plot: the only ones that export `hexbin`, which no lesson reads. */
function findWholePlotChunks(outDir: string): string[] {
  const assets = join(outDir, "assets");
  return readdirSync(assets).filter((name) => name.endsWith(".js") && /\bhexbin\b/.test(readFileSync(join(assets, name), "utf8")));
}

/** The ids library counters number (Plot's clip paths, patterns and markers; Inputs' forms). */
const numberedId = /^(plot-(clip|pattern|marker)|inputs-3a86ea)-\d+$/;

/**
 * In the page, from now on: records each element given a library-numbered id that an element
 * present now or added since already had: one counter never gives an id twice, two counters (two
 * copies of a library, or the build's count in the prerendered charts and the page's own) do. Read
 * with {@link readReusedIds}.
 */
function watchReusedIds(source: string): void {
  const numbered = new RegExp(source);
  const owners = new Map<string, Element>();
  const reused: string[] = ((window as unknown as { __reusedIds: string[] }).__reusedIds = []);
  const note = (element: Element) => {
    if (!numbered.test(element.id)) return;
    const owner = owners.get(element.id);
    if (owner && owner !== element) reused.push(element.id);
    owners.set(element.id, element);
  };
  document.querySelectorAll("[id]").forEach(note);
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === "attributes") note(record.target as Element);
      for (const node of record.addedNodes) if (node instanceof Element) [node, ...node.querySelectorAll("[id]")].forEach(note);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["id"] });
}

function readReusedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [...new Set((window as unknown as { __reusedIds: string[] }).__reusedIds)]);
}

/** The ids two or more elements of the document share. */
function findDuplicateIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ids = [...document.querySelectorAll("[id]")].map((element) => element.id);
    return [...new Set(ids.filter((id, at) => ids.indexOf(id) !== at))];
  });
}

describe("library subsets", () => {
  it("loads only the Plot members the page reads, and the whole of Plot for an edit that needs it", async () => {
    const whole = findWholePlotChunks(built.site.outDir);
    expect(whole.length).toBeGreaterThan(0);
    const page = await built.browser.newPage();
    const loaded: string[] = [];
    page.on("request", (request) => loaded.push(new URL(request.url()).pathname.replace(/^.*\//, "")));
    const url = `${built.site.url}derivatives-and-gradients.html`;
    await openClean(page, url);
    expect(describeUnfulfilled("derivatives-and-gradients", await settle(page))).toEqual([]);
    expect(loaded.filter((name) => whole.includes(name))).toEqual([]);
    await page.evaluate(watchReusedIds, numberedId.source);

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
    // Clipped, so the whole Plot numbers a clip path too (plot-clip-N), as the subset did for the page's charts.
    await typeAndRun(page, editor, 'Plot.plot({clip: true, marks: [Plot.areaY(d3.shuffle([1, 4, 9]), {y: (d) => d, fill: "#ccc"})]})');
    await expect.poll(() => page.locator('#lesson g[aria-label="area"]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(describeUnfulfilled("derivatives-and-gradients", await settle(page))).toEqual([]);
    expect(loaded.filter((name) => whole.includes(name)).length).toBeGreaterThan(0);
    // Ids are global to the document: the subset's Plot and the whole one count from one counter,
    // or a chart's clip-path="url(#plot-clip-2)" could take another chart's clipPath.
    expect(await page.locator("#lesson clipPath[id^=plot-clip-]").count()).toBeGreaterThan(1);
    expect(await findDuplicateIds(page)).toEqual([]);
    // Not only once the page settles: while the whole library redraws the charts, the subset's stay
    // until each is replaced, and no new element may take one of their ids meanwhile.
    expect(await readReusedIds(page)).toEqual([]);
    await page.close();
  });

  it("runs a chart whose color scale the build did not see: the page loads the whole libraries and draws its colors", async () => {
    const whole = findWholePlotChunks(built.site.outDir);
    const page = await built.browser.newPage();
    const loaded: string[] = [];
    page.on("request", (request) => loaded.push(new URL(request.url()).pathname.replace(/^.*\//, "")));
    // This page's charts draw in constant colors: its Plot leaves d3's color schemes out.
    await openClean(page, `${built.site.url}fixture-slider.html`);
    expect(describeUnfulfilled("fixture-slider", await settle(page))).toEqual([]);
    expect(loaded.filter((name) => whole.includes(name))).toEqual([]);
    // A stroke option the build cannot read (a computed key) makes an ordinal color scale, whose
    // scheme the page's Plot has only as a stub: the whole libraries run the cell again.
    const editor = await findEditor(page, "Plot.lineY(");
    await typeAndRun(page, editor, 'Plot.plot({width: 400, height: 200, marks: [Plot.lineY([0, 1, 2, 3, 4].map((x) => x * k), {["stro" + "ke"]: () => "one series"})]})');
    // Observable10's first color, the default of an ordinal color scale.
    await expect.poll(() => page.locator('#lesson g[aria-label="line"] path').first().getAttribute("stroke"), { timeout: 20_000 }).toBe("#4269d0");
    expect(describeUnfulfilled("fixture-slider", await settle(page))).toEqual([]);
    expect(loaded.filter((name) => whole.includes(name)).length).toBeGreaterThan(0);
    await page.close();
  });

  it("gives a live chart no id a prerendered chart still on the page has", async () => {
    const url = `${built.site.url}derivatives-and-gradients.html`;
    // The built page arrives with its charts' clip paths numbered by the build's run.
    const html = readFileSync(join(built.site.outDir, "derivatives-and-gradients.html"), "utf8");
    expect(html.match(/id="plot-clip-\d+"/g)?.length ?? 0).toBeGreaterThan(1);
    const page = await built.browser.newPage();
    // Watched from the first parsed element: each live chart replaces its prerendered one while
    // the later cells' prerendered charts are still there.
    await page.addInitScript(watchReusedIds, numberedId.source);
    await openClean(page, url);
    expect(describeUnfulfilled("derivatives-and-gradients", await settle(page))).toEqual([]);
    expect(await page.locator("#lesson clipPath[id^=plot-clip-]").count()).toBeGreaterThan(1);
    expect(await readReusedIds(page)).toEqual([]);
    expect(await findDuplicateIds(page)).toEqual([]);
    await page.close();
  });
});

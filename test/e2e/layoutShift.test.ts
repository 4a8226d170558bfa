// No layout shift while a built page loads (issue 15, DESIGN.md's load bar: CLS < 0.01): the page
// HTML carries every output (prerendered) and the room of everything the scripts add above the
// fold (the progress bar), so adopting them moves nothing. The browser's own `layout-shift`
// entries are summed as CLS counts them (shifts right after the reader's input excluded). This is
// a layout assertion, not a timing one: the bench measures the same figure against Framework.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useBrowserAndBuiltSite } from "./browser.ts";
import { readBundledLessons, settle } from "./lessonPage.ts";

const built = useBrowserAndBuiltSite();


/** Installed before any page script: every layout shift of the load, with what moved. */
function recordShifts(): void {
  const shifts: { value: number; sources: string[] }[] = ((window as unknown as { __shifts: unknown }).__shifts = []);
  const describe = (node: Node | null) => (node instanceof Element ? `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ""}${node.className && typeof node.className === "string" ? `.${node.className.split(" ").join(".")}` : ""}` : String(node?.nodeName));
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node: Node | null }[] })[]) {
      if (!entry.hadRecentInput) shifts.push({ value: entry.value, sources: (entry.sources ?? []).map((source) => describe(source.node)) });
    }
  }).observe({ type: "layout-shift", buffered: true });
}

/** Loads a page until its cells settle and both bars are the page script's; returns its shifts. */
async function loadAndReadShifts(page: Page, url: string): Promise<{ value: number; sources: string[] }[]> {
  await page.addInitScript(recordShifts);
  await page.goto(url);
  await page.waitForFunction(() => typeof (window as unknown as { lesson?: { idle?: unknown } }).lesson?.idle === "function", undefined, { timeout: 20_000 });
  await settle(page);
  await page.waitForSelector(".learning-bar:not([data-placeholder])", { state: "attached", timeout: 20_000 });
  await page.waitForSelector(".lesson-edits", { state: "attached", timeout: 20_000 });
  // Two frames, so the entries of the last layout are delivered to the observer.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate(() => (window as unknown as { __shifts: { value: number; sources: string[] }[] }).__shifts);
}

describe("a built page while it loads", () => {
  for (const { slug } of readBundledLessons()) {
    it(`${slug}.md shifts nothing (cumulative layout shift < 0.01)`, async () => {
      const page = await built.browser.newPage();
      const shifts = await loadAndReadShifts(page, `${built.site.url}${slug}.html`);
      await page.close();
      const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
      expect(total, `layout shifts: ${JSON.stringify(shifts)}`).toBeLessThan(0.01);
    });
  }
});

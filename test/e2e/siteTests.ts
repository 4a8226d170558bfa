// The checks every served site passes, dev server and static build alike.
import { expect, it } from "vitest";
import type { Page } from "playwright-core";
import { compileLesson } from "../../src/compile/index.ts";
import type { Browser, Site } from "./browser.ts";
import {
  clickSlider,
  describeUnfulfilled,
  openLesson,
  pressSlider,
  readBundledLessons,
  readCharts,
  readValue,
  settle,
} from "./lessonPage.ts";

/** The running site and browser of a test file (set in its beforeAll). */
export interface SiteContext {
  site(): Site;
  browser(): Browser;
  /** Pages opened by the checks; the test file may inspect them (e.g. their requests). */
  onPage?(page: Page): void;
}

/** A lesson with a slider: the range input's cell output, the value it drives. */
interface SliderCase {
  slug: string;
  input: string;
  dependent: string;
}

/** The slider lessons: the fixture and the bundled derivatives lesson (a test fails, saying so, when it is missing). */
function findSliderCases(): SliderCase[] {
  return [
    { slug: "fixture-slider", input: "k", dependent: "doubled" },
    { slug: "derivatives-and-gradients", input: "w", dependent: "dLdw" },
    { slug: "derivatives-and-gradients", input: "alpha", dependent: "steps" },
  ];
}

/** The selector of the range input that defines `name` in a lesson. */
function sliderSelector(site: Site, slug: string, name: string): string {
  const lessons = [...readBundledLessons(), ...readBundledLessons(site.lessonsDir)];
  const source = lessons.find((lesson) => lesson.slug === slug)?.source;
  if (source === undefined) throw new Error(`${slug}.md is missing from lessons/ and the test lessons: rename the slider case in siteTests.ts`);
  const cell = compileLesson(source, { file: `${slug}.md` }).cells.find((c) => c.outputs.includes(name));
  if (!cell) throw new Error(`${slug}.md: no cell defines ${name}`);
  return `[data-cell="${cell.id}"] input[type=range]`;
}

/** Registers the shared checks in the calling describe block. */
export function defineSiteTests(context: SiteContext): void {
  async function newPage(): Promise<Page> {
    const page = await context.browser().newPage();
    context.onPage?.(page);
    return page;
  }

  it("lists every bundled lesson on the index page", async () => {
    const page = await newPage();
    await page.goto(context.site().url);
    const links = await page.locator(".ll-index-link").evaluateAll((as) =>
      as.map((a) => ({ text: a.querySelector(".title")?.textContent?.trim(), href: a.getAttribute("href") })),
    );
    for (const lesson of readBundledLessons()) {
      expect(links, `index lists ${lesson.slug}`).toContainEqual({ text: lesson.title, href: `./${lesson.slug}.html` });
    }
    expect(links.map((link) => link.href)).toContain("./fixture-slider.html");
    // The index links work relative to wherever the site is served from.
    await page.locator('.ll-index-link[href="./fixture-slider.html"]').click();
    await page.waitForFunction(() => typeof (window as unknown as { lesson?: { idle?: unknown } }).lesson?.idle === "function");
    expect(page.url()).toBe(`${context.site().url}fixture-slider.html`);
    await page.close();
  });

  it("leads the authoring guide's links to other lessons to their pages and headings", async () => {
    const page = await newPage();
    await openLesson(page, `${context.site().url}authoring.html`);
    // Written as the guide says, by file name: [this guide](authoring.md), [...](math-reference.md#derivative).
    const self = page.locator('#lesson a[href="./authoring.html"]');
    expect(await self.count()).toBeGreaterThan(0);
    expect(await page.locator('#lesson a[href$=".md"], #lesson a[href*=".md#"]').count()).toBe(0);
    await page.locator('#lesson a[href="./math-reference.html#derivative"]').first().click();
    await page.waitForURL(/math-reference\.html#derivative$/);
    expect(await page.locator("#derivative").textContent()).toContain("derivative");
    const response = await page.goto(`${context.site().url}authoring.html`);
    expect(response?.status()).toBe(200);
    await page.close();
  });

  it("fulfils every cell of every bundled lesson", async () => {
    const page = await newPage();
    const problems: string[] = [];
    for (const { slug } of [...readBundledLessons(), { slug: "fixture-slider" }]) {
      const cells = await openLesson(page, `${context.site().url}${slug}.html`);
      if (cells.length === 0) problems.push(`${slug}.md: no cells reported`);
      problems.push(...describeUnfulfilled(`${slug}.md`, cells));
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  for (const slider of findSliderCases()) {
    it(`redraws ${slider.slug} when slider ${slider.input} moves (mouse and keyboard)`, async () => {
      // First, so a missing lesson fails with its name rather than as a page that never loads.
      const selector = sliderSelector(context.site(), slider.slug, slider.input);
      const page = await newPage();
      await openLesson(page, `${context.site().url}${slider.slug}.html`);

      const before = { input: await readValue(page, slider.input), value: await readValue(page, slider.dependent), charts: await readCharts(page) };
      await clickSlider(page, selector, 0.9);
      await settle(page);
      const dragged = { input: await readValue(page, slider.input), value: await readValue(page, slider.dependent), charts: await readCharts(page) };
      expect(dragged.input, "the mouse moved the slider").not.toEqual(before.input);
      expect(dragged.value).not.toEqual(before.value);
      expect(dragged.charts).not.toEqual(before.charts);

      await pressSlider(page, selector, "ArrowLeft", 2);
      await settle(page);
      const pressed = { input: await readValue(page, slider.input), value: await readValue(page, slider.dependent), charts: await readCharts(page) };
      expect(pressed.input, "the keyboard moved the slider").not.toEqual(dragged.input);
      expect(pressed.value).not.toEqual(dragged.value);
      expect(pressed.charts).not.toEqual(dragged.charts);
      expect(describeUnfulfilled(slider.slug, await settle(page))).toEqual([]);
      await page.close();
    });
  }

  it("shows a throwing cell's error in place while the other cells keep working", async () => {
    const page = await newPage();
    const cells = await openLesson(page, `${context.site().url}fixture-errors.html`);
    const rejected = cells.filter((cell) => cell.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0].error).toContain("kaboom");
    expect(cells.filter((cell) => cell.status === "fulfilled").length).toBe(cells.length - 1);
    await expect.poll(() => page.locator(`[data-cell="${rejected[0].id}"]`).textContent()).toContain("kaboom");
    expect(await readValue(page, "ok")).toBe(2);
    expect(await page.locator("#lesson").textContent()).toContain("keeps working: 200");
    await page.close();
  });
}

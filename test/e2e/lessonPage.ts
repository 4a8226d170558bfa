// What the browser tests do to a lesson page, as a reader would: open it, wait for it to settle,
// move sliders, read values through `window.lesson` (DESIGN.md's page API).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { parse as parseYaml } from "yaml";
import type { CellState, LessonApi } from "../../src/runtime/types.ts";
import { bundledLessonsDir } from "./browser.ts";

/** A lesson as its front matter names it. */
export interface LessonInfo {
  slug: string;
  title: string;
  source: string;
}

/**
 * The bundled lessons (lessons/*.md, `_` and `.` files excluded) with their front matter titles.
 * Throws when there are none: every test looping over them would otherwise pass on nothing.
 */
export function readBundledLessons(dir = bundledLessonsDir): LessonInfo[] {
  const names = readdirSync(dir).filter((name) => name.endsWith(".md") && !/^[_.]/.test(name));
  if (names.length === 0) throw new Error(`${dir} holds no lesson (*.md): the tests that loop over its lessons would check nothing`);
  return names
    .sort()
    .map((name) => {
      const source = readFileSync(join(dir, name), "utf8");
      const yaml = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1];
      const title = (yaml ? (parseYaml(yaml) as { title?: string })?.title : undefined) ?? name.replace(/\.md$/, "");
      return { slug: name.replace(/\.md$/, ""), title, source };
    });
}

/** Opens a page and waits until the lesson API exists (not merely `window.lesson`: a built page's `<div id="lesson">` is that before the runtime starts) and no cell is pending (at most 20 s). */
export async function openLesson(page: Page, url: string): Promise<CellState[]> {
  await page.goto(url);
  await page.waitForFunction(() => typeof (window as unknown as { lesson?: { idle?: unknown } }).lesson?.idle === "function", undefined, { timeout: 20_000 });
  return settle(page);
}

/** Waits for the lesson to be idle (bounded, so a stuck cell shows up as pending) and lists cells. */
export async function settle(page: Page): Promise<CellState[]> {
  return page.evaluate(async () => {
    const lesson = (window as unknown as { lesson: LessonApi }).lesson;
    await Promise.race([lesson.idle(), new Promise((done) => setTimeout(done, 15_000))]);
    return lesson.cells();
  });
}

/** The current value of a named cell output. */
export async function readValue(page: Page, name: string): Promise<unknown> {
  return page.evaluate((n) => (window as unknown as { lesson: LessonApi }).lesson.value(n), name);
}

/** A readable list of the cells that did not fulfil, for failure messages. */
export function describeUnfulfilled(file: string, cells: CellState[]): string[] {
  return cells
    .filter((cell) => cell.status !== "fulfilled")
    .map((cell) => `${file}:${cell.line} ${cell.status}${cell.error ? `: ${cell.error}` : ""}`);
}

/**
 * Every chart's SVG, without Plot's per-render class names, so only a real redraw compares unequal.
 */
export async function readCharts(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll("#lesson [data-cell] svg")]
      .map((svg) => svg.outerHTML.replace(/plot-[0-9a-f]{6}/g, "plot"))
      .join("\n"),
  );
}

/** Clicks a range input at `fraction` of its width, as a reader drags or clicks the track. */
export async function clickSlider(page: Page, selector: string, fraction: number): Promise<void> {
  const slider = page.locator(selector).first();
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  if (!box) throw new Error(`no visible slider at ${selector}`);
  const y = box.y + box.height / 2;
  // Press on the thumb's side of the track, then drag: a real pointer gesture, not a synthetic event.
  await page.mouse.move(box.x + box.width * 0.5, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * fraction, y, { steps: 5 });
  await page.mouse.up();
}

/** Focuses a range input and presses an arrow key `times` times. */
export async function pressSlider(page: Page, selector: string, key: "ArrowRight" | "ArrowLeft", times = 1): Promise<void> {
  const slider = page.locator(selector).first();
  await slider.focus();
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

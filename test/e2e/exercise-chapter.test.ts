// The chapter's exercises in real Chromium, typed as a student: the momentum exercise's code is the
// Hiker's Momentum hiker (it races SGD there, as the student edits it), and the dLdw exercise's
// chart marks the probe the last Check failed on.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { momentum, runOptimizer, sgd, surfaces } from "../../src/math/index.ts";
import type { LessonApi } from "../../src/runtime/types.ts";
import { launchBrowser, startDevServer, type Browser, type Site } from "./browser.ts";
import { check as checkBy, exercise, typeCode, waitForAnswers } from "./exercisePage.ts";
import { openLesson, readValue } from "./lessonPage.ts";

/** Presses Check by keyboard and waits for the verdict. */
const check = (page: Page, id: string): Promise<string> => checkBy(page, id, "keyboard");

let browser: Browser;
let site: Site;
let url: string;




async function openClean(): Promise<Page> {
  const page = await browser.newPage();
  await openLesson(page, url);
  await page.evaluate(() => localStorage.clear());
  await openLesson(page, url);
  return page;
}

beforeAll(async () => {
  [browser, site] = await Promise.all([launchBrowser(), startDevServer()]);
  url = `${site.url}derivatives-and-gradients.html`;
  // The dev server computes the chapter's answers with the Node runner on first request; wait for them.
  const page = await browser.newPage();
  await waitForAnswers(page, url, "dLdw");
  await page.close();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("the chapter's exercises", () => {
  it("races the student's momentumStep against SGD in the Hiker, following their code as they type", async () => {
    const page = await openClean();
    const surface = surfaces[(await readValue(page, "hikerSurfaceName")) as keyof typeof surfaces];
    const start = (await readValue(page, "hikerStart")) as number[];
    const lr = (await readValue(page, "lrMomentum")) as number;
    const hiker = () =>
      page.evaluate(async () => {
        const runs = (await (window as unknown as { lesson: LessonApi }).lesson.value("hikerRuns")) as { key: string; run: { name: string; path: { point: number[] }[] } }[];
        const run = runs.find((r) => r.key === "momentum")!.run;
        return { name: run.name, points: run.path.slice(0, 40).map((p) => p.point) };
      });
    const pathOf = (opt: Parameters<typeof runOptimizer>[0]) => runOptimizer(opt, surface, start, 39).path.map((p) => p.point);
    const note = page.locator("#lesson [data-hiker-yours]");

    // Unsolved, the Momentum hiker is the starter: plain SGD at the momentum hiker's rate, and says so.
    expect(await hiker()).toEqual({ name: "Your momentum", points: pathOf(sgd({ lr })) });
    expect(await note.textContent()).toContain("has not passed its check yet");
    await expect.poll(() => page.locator('#lesson ul[aria-label="Legend"]').textContent()).toContain("Your momentum (α = ");

    // The heavy-ball rule, typed and run (Shift-Enter): the hiker becomes momentum.
    await typeCode(page, "momentum", "function momentumStep(w: number, v: number, g: number, lr: number, mu: number): [number, number] {\nconst velocity = mu * v + g;\nreturn [w - lr * velocity, velocity];");
    await page.keyboard.press("Shift+Enter");
    await expect.poll(async () => (await hiker()).points, { timeout: 30_000 }).toEqual(pathOf(momentum({ lr })));
    expect(await check(page, "momentum")).toMatch(/^Passed/);
    await expect.poll(() => note.textContent()).toContain("which passed its check");
    await page.close();
  });

  it("marks the probe the last Check failed on, on the dLdw exercise's chart, until it passes", async () => {
    const page = await openClean();
    const marked = page.locator('#lesson svg[aria-label*="Marked: your last check failed"]');
    expect(await marked.count()).toBe(0);
    expect(await check(page, "dLdw")).toBe("Not yet. yourDLdw(0): expected −68, got 0");
    await expect.poll(() => marked.count()).toBe(1);
    expect(await marked.locator("text", { hasText: "yourDLdw(0): got 0, expected -68" }).count()).toBe(1);

    // Right except past w = 2: the counterexample moves to the probe at w = 2.5.
    await typeCode(page, "dLdw", "function yourDLdw(w: number): number {\nreturn 28 * w - 68 + (w > 2 ? 1 : 0);");
    expect(await check(page, "dLdw")).toBe("Not yet. yourDLdw(2.5): expected 2, got 3");
    await expect.poll(() => marked.locator("text", { hasText: "yourDLdw(2.5): got 3, expected 2" }).count()).toBe(1);

    await typeCode(page, "dLdw", "function yourDLdw(w: number): number {\nreturn 28 * w - 68;");
    expect(await check(page, "dLdw")).toMatch(/^Passed/);
    await expect.poll(() => marked.count()).toBe(0);
    await page.close();
  });
});

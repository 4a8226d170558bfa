// Lesson L1-03 in real Chromium, on the dev server and on the built site: the numbers a reader sees
// on the page as the controls move (read from the rendered page, not only from `window.lesson`),
// the Gradient Descent Hiker by mouse and keyboard, and every control reachable with Tab. The dev
// server also shows type errors across cells as warnings in place (issue 6).
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { numpyListing } from "../../src/math/index.ts";
import { buildAndServe, launchBrowser, startDevServer, type Browser, type Site } from "./browser.ts";
import { describeUnfulfilled, openLesson, readValue, settle } from "./lessonPage.ts";

let browser: Browser;
let dev: Site;
let built: Site;

beforeAll(async () => {
  [browser, dev, built] = await Promise.all([launchBrowser(), startDevServer(), buildAndServe("/course/")]);
});

afterAll(async () => {
  await browser?.close();
  await dev?.close();
  await built?.close();
});

const slug = "derivatives-and-gradients";

/** Sets an input as the reader would (window.lesson.set dispatches the input's own event). */
async function set(page: Page, name: string, value: unknown): Promise<void> {
  await page.evaluate(([n, v]) => window.lesson!.set(n as string, v), [name, value] as const);
}

/** The text of the rendered step table, row by row (cells joined by " | "). */
async function readStepTable(page: Page): Promise<string[]> {
  return page
    .locator("#lesson table", { hasText: "Gradient descent from" })
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent!.replace(/\s+/g, " ").trim()).join(" | ")));
}

/** The first bold number of the paragraph that starts with `start` (an inline `${…}` result). */
async function readBold(page: Page, start: string): Promise<number> {
  const text = await page.locator("#lesson p", { hasText: start }).first().locator("strong").first().textContent();
  return Number(text);
}

/** Presses `key` on the focused element, as a keyboard-only reader does. */
async function press(page: Page, selector: string, key: string): Promise<void> {
  await page.locator(selector).focus();
  await page.keyboard.press(key);
}

function defineLessonTests(site: () => Site): void {
  async function open(): Promise<Page> {
    const page = await browser.newPage();
    const cells = await openLesson(page, `${site().url}${slug}.html`);
    expect(describeUnfulfilled(`${slug}.md`, cells)).toEqual([]);
    return page;
  }

  it("shows the chapter's step table at the defaults, and dL/dw = −40 at w = 1", async () => {
    const page = await open();
    const rows = await readStepTable(page);
    expect(rows.slice(0, 5)).toEqual([
      "0 | 0 | 28(0) − 68 = -68 | 0 − 0.05 × (-68) = 3.4",
      "1 | 3.4 | 28(3.4) − 68 = 27.2 | 3.4 − 0.05 × (27.2) = 2.04",
      "2 | 2.04 | 28(2.04) − 68 = -10.88 | 2.04 − 0.05 × (-10.88) = 2.584",
      "3 | 2.584 | 28(2.584) − 68 = 4.352 | 2.584 − 0.05 × (4.352) = 2.3664",
      "4 | 2.3664 | 28(2.3664) − 68 = -1.7408 | 2.3664 − 0.05 × (-1.7408) = 2.4534",
    ]);
    expect(rows.at(-1)).toBe("Converged | w ≈ 2.4286 | gradient ≈ 0 | Found optimum");

    await set(page, "w", 1);
    expect(await readBold(page, "analytically, 28 ×")).toBe(-40);
    const prose = (await page.locator("#lesson p", { hasText: "analytically" }).first().textContent())!.replace(/\s+/g, " ");
    expect(prose).toContain("28 × 1.00 − 68 = -40.0000; numerically,");
    expect(prose).toMatch(/= -40\.0000\. The red line is the tangent/);
    expect(prose).toContain("its slope is -40.00, so the loss falls as w grows: step right");
    expect(await readValue(page, "dLdw")).toBe(-40);
    // The table starts from the slider's w too.
    expect((await readStepTable(page))[0]).toBe("0 | 1 | 28(1) − 68 = -40 | 1 − 0.05 × (-40) = 3");
    await page.close();
  });

  it("warns that descent diverges at α = 0.08 and not at α = 0.05", async () => {
    const page = await open();
    const note = page.locator("#lesson .callout", { hasText: /Converges|Diverges/ });
    await expect.poll(() => note.textContent()).toContain("Converges");
    await set(page, "alpha", 0.08);
    expect(await note.textContent()).toContain("Diverges");
    expect(await note.getAttribute("role")).toBe("alert");
    expect((await readStepTable(page)).at(-1)).toMatch(/^After 40 steps \| .* \| Diverged$/);
    await set(page, "alpha", 0.05);
    expect(await note.textContent()).not.toContain("Diverges");
    expect(await note.textContent()).toContain("Converges");
    await page.close();
  });

  it("paints the chart beside the moved w slider first, then redraws the charts off screen for the same w", async () => {
    const page = await open();
    const seen = await page.evaluate(async () => {
      const input = [...document.querySelectorAll("#lesson form")].find((f) => f.querySelector("label")?.textContent?.trim() === "w")!.querySelector("input")!;
      input.scrollIntoView({ block: "start" });
      // Let the page paint the scrolled screen (and learn what is on it).
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)));
      const near = 'svg[aria-label^="The data points (1, 3)"]';
      const far = 'svg[aria-label^="Loss curve L(w) with its tangent"]';
      const before = document.querySelector(near);
      const farCell = document.querySelector(far)!.closest<HTMLElement>("[data-cell]")!;
      const atFrame = new Promise<string | undefined>((resolve) => {
        const observer = new MutationObserver(() => {
          const now = document.querySelector(near);
          if (!now || now === before) return;
          observer.disconnect();
          // The frame that paints the new chart: what the chart below holds by then.
          requestAnimationFrame(() => resolve(farCell.dataset.status));
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
      input.value = "1";
      input.dispatchEvent(new Event("input", { bubbles: true }));
      const status = await atFrame;
      await window.lesson!.idle();
      return { status, after: farCell.dataset.status };
    });
    expect(seen.status).toBe("pending");
    expect(seen.after).toBe("fulfilled");
    expect(await readValue(page, "dLdw")).toBe(-40);
    expect(await readBold(page, "analytically, 28 ×")).toBe(-40);
    expect((await readStepTable(page))[0]).toBe("0 | 1 | 28(1) − 68 = -40 | 1 − 0.05 × (-40) = 3");
    await page.close();
  });

  it("prints the NumPy listing's lines from the live TypeScript cell", async () => {
    const page = await open();
    const printed = await page.locator('#lesson pre[aria-label="Output of the listing"]').textContent();
    expect(printed).toBe(numpyListing({ lr: 0.05 }).join("\n"));
    expect(printed).toContain("step 0: w=1.1333, loss=27.6667, grad=-22.6667");
    expect(printed!.trim().split("\n").at(-1)).toBe("Final w = 2.4286");
    expect(await page.locator("#lesson").textContent()).toContain("✓ identical to the reference listing");
    await page.close();
  });

  it("Station 1: the secant's ratio approaches 6 as Δx shrinks (mouse-free: keyboard on the slider)", async () => {
    const page = await open();
    const ratios: number[] = [];
    for (const dx of [1, 0.5, 0.1, 0.01]) {
      await set(page, "dx", dx);
      ratios.push(await readBold(page, "The ratio is"));
    }
    expect(ratios).toEqual([7, 6.5, 6.1, 6.01]);
    // Home on the focused Δx slider takes it to its smallest step.
    const dxSlider = page.locator("#lesson input[type=range]").nth(1);
    await dxSlider.focus();
    await page.keyboard.press("Home");
    await settle(page);
    expect(await readValue(page, "dx")).toBe(0.001);
    expect(await readBold(page, "The ratio is")).toBe(6.001);
    expect(await readBold(page, "The ratio is")).toBeCloseTo(6, 2);
    await page.close();
  });

  it("the Hiker: a click or the keyboard on the map sets the start", async () => {
    const page = await open();
    const map = page.locator('#lesson [role="application"]:not([data-guess])');
    const start = (await readValue(page, "hikerStart")) as number[];
    expect(start).toEqual([-0.5, -0.5]);

    // A click at the map's centre: Himmelblau's domain is [−5, 5]², so about (0, 0).
    const plot = map.locator("svg").first();
    await plot.scrollIntoViewIfNeeded();
    const box = (await plot.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.75, box.y + box.height * 0.25);
    await settle(page);
    const clicked = (await readValue(page, "hikerStart")) as number[];
    expect(clicked[0]).toBeGreaterThan(0);
    expect(clicked[1]).toBeGreaterThan(0);
    await expect.poll(() => map.textContent()).toContain(`Start (${clicked[0]!.toFixed(2)}, ${clicked[1]!.toFixed(2)})`);

    // Arrow keys move a cursor; Enter starts the hikers there.
    await map.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowLeft");
    expect(await readValue(page, "hikerStart")).toEqual(clicked);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await settle(page);
    const pressed = (await readValue(page, "hikerStart")) as number[];
    expect(pressed[0]).toBeCloseTo(clicked[0]! - 1, 6);
    expect(pressed[1]).toBeCloseTo(clicked[1]! - 0.2, 6);
    expect(await map.getAttribute("aria-label")).toContain(`Start point (${pressed[0]!.toFixed(2)}, ${pressed[1]!.toFixed(2)})`);
    await page.close();
  });

  it("the Hiker: play, pause, step and reset work from the keyboard", async () => {
    const page = await open();
    const frame = () => readValue(page, "hikerFrame") as Promise<number>;
    const status = page.locator("#lesson p", { hasText: /^Step \d+ of 300/ });
    const button = (command: string) => `#lesson [role="toolbar"] button[data-command="${command}"]`;

    await press(page, button("pause"), "Enter");
    const paused = await frame();
    await page.waitForTimeout(300);
    expect(await frame(), "paused: the frame stays").toBe(paused);

    await press(page, button("reset"), "Space");
    await expect.poll(frame).toBe(0);
    await expect.poll(() => status.textContent()).toMatch(/^Step 0 of 300/);

    await press(page, button("step"), "Enter");
    await expect.poll(frame).toBe(1);
    await page.keyboard.press("Space"); // still on Step
    await expect.poll(frame).toBe(2);
    await expect.poll(() => status.textContent()).toMatch(/^Step 2 of 300/);

    await press(page, button("play"), "Enter");
    await expect.poll(frame, { timeout: 10_000 }).toBeGreaterThan(10);
    await press(page, button("pause"), " ");
    const stopped = await frame();
    await page.waitForTimeout(300);
    expect(await frame()).toBe(stopped);
    await page.close();
  });

  it("the Hiker waits for its map to come on screen, then plays", async () => {
    const page = await open();
    const frame = () => readValue(page, "hikerFrame") as Promise<number>;
    const map = page.locator('#lesson [role="application"]:not([data-guess])');
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await map.evaluate((node) => node.getBoundingClientRect().top > innerHeight), "the map starts below the fold").toBe(true);
    await page.waitForTimeout(500);
    expect(await frame(), "not reached yet: the run waits at its start").toBe(0);

    await map.scrollIntoViewIfNeeded();
    await expect.poll(frame).toBeGreaterThan(10);
    await page.close();
  });

  it("the Hiker marks SGD as diverged where theory says it must (x² + 10y², α = 0.11 > 2/20)", async () => {
    const page = await open();
    await set(page, "hikerSurfaceName", "elongatedBowl");
    await set(page, "lrSgd", 0.11);
    expect(await readValue(page, "lrSgd")).toBeCloseTo(0.11, 10);
    const legend = page.locator('#lesson ul[aria-label="Legend"]');
    await expect.poll(() => legend.textContent()).toMatch(/SGD \(α = 0\.11\): diverged at step \d+/);
    // The momentum hiker (the student's momentumStep, the starter until edited) and Adam keep their preset rates and converge.
    expect(await legend.textContent()).toMatch(/Your momentum \(α = [\d.]+\): after 300 steps/);
    expect(await legend.textContent()).not.toMatch(/(momentum|Adam) \(α = [\d.]+\): diverged/);
    const marker = page.locator('#lesson [role="application"]:not([data-guess]) svg text', { hasText: /SGD diverged at step \d+/ });
    // The hikers walk while the reader looks at the map.
    await page.locator('#lesson [role="application"]:not([data-guess])').scrollIntoViewIfNeeded();
    await expect.poll(() => marker.evaluate((node) => getComputedStyle(node).display), { timeout: 20_000 }).not.toBe("none");
    await expect.poll(() => page.locator("#lesson p", { hasText: /^Step \d+ of 300/ }).textContent(), { timeout: 20_000 }).toContain("SGD loss");
    await page.close();
  });

  it("applies a stored dark theme before the body is parsed (no light flash)", async () => {
    const page = await open();
    await page.evaluate(() => localStorage.setItem("live-lesson-theme", "dark"));
    // Record the theme at the moment <body> starts, before any module script could run.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { themeAtBody?: string }).themeAtBody = document.documentElement.dataset.theme ?? "none";
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await openLesson(page, `${site().url}${slug}.html`);
    expect(await page.evaluate(() => (window as unknown as { themeAtBody?: string }).themeAtBody)).toBe("dark");
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(21, 23, 26)");
    await page.evaluate(() => localStorage.removeItem("live-lesson-theme"));
    await page.close();
  });

  it("reaches every control with the keyboard (Tab order covers inputs, the map, buttons, code)", async () => {
    const page = await open();
    const controls = await page.evaluate(() => {
      const selector = '#lesson input, #lesson select, #lesson button, #lesson summary:not([tabindex="-1"]), #lesson [role="application"]';
      const all = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => el.checkVisibility() && !(el as HTMLButtonElement).disabled);
      all.forEach((el, i) => (el.dataset.control = String(i)));
      return all.length;
    });
    expect(controls).toBeGreaterThan(20);
    await page.locator("body").focus();
    const reached = new Set<string>();
    for (let i = 0; i < 600 && reached.size < controls; i++) {
      await page.keyboard.press("Tab");
      const id = await page.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        // CodeMirror content or any other nested widget counts as its nearest control.
        return active?.closest<HTMLElement>("[data-control]")?.dataset.control ?? null;
      });
      if (id !== null) reached.add(id);
    }
    const missed = await page.evaluate(
      (ids) =>
        [...document.querySelectorAll<HTMLElement>("[data-control]")]
          .filter((el) => !ids.includes(el.dataset.control!))
          .map((el) => el.outerHTML.slice(0, 120)),
      [...reached],
    );
    expect(missed).toEqual([]);
    await page.close();
  });
}

describe("lesson L1-03 on the dev server", () => {
  defineLessonTests(() => dev);
});

describe("lesson L1-03 on the built site", () => {
  defineLessonTests(() => built);
});

describe("type errors across cells on the dev server (issue 6)", () => {
  it("shows a type error as a warning at its cell while the cell runs, and clears it once fixed", async () => {
    const page = await browser.newPage();
    const cells = await openLesson(page, `${dev.url}fixture-types.html`);
    const doubled = cells.find((cell) => cell.line === 13)!;
    expect(doubled.status).toBe("fulfilled");
    const warning = page.locator(`#lesson .cell-warning[data-diagnostic-for="${doubled.id}"]`);
    // The check runs in a worker after the page is served; a cold TypeScript takes a few seconds.
    await expect.poll(() => warning.textContent(), { timeout: 30_000 }).toMatch(/^fixture-types\.md:13:17 The left-hand side of an arithmetic operation/);
    // In place: right after the cell's own output.
    expect(await warning.evaluate((node) => node.previousElementSibling?.getAttribute("data-cell"))).toBe(doubled.id);
    expect((await settle(page)).every((cell) => cell.status === "fulfilled")).toBe(true);
    expect(await page.locator("#lesson").textContent()).toContain("The cell above still runs: NaN.");
    // An inline value is marked instead, so the sentence reads on; the message is its description.
    const inline = page.locator("#lesson span.cell-has-warning");
    await expect.poll(() => inline.getAttribute("aria-description"), { timeout: 30_000 }).toMatch(/^warning: fixture-types\.md:18:\d+ The left-hand side/);
    expect(await page.locator("#lesson").textContent()).toContain("In prose too: NaN.");

    const file = join(dev.lessonsDir, "fixture-types.md");
    const source = await readFile(file, "utf8");
    await writeFile(file, source.replace('const label = "seven";', "const label = 7;"));
    await expect.poll(() => page.locator("#lesson").textContent(), { timeout: 10_000 }).toContain("The cell above still runs: 14.");
    await expect.poll(() => page.locator("#lesson .cell-warning").count(), { timeout: 30_000 }).toBe(0);
    await writeFile(file, source);
    await page.close();
  });
});

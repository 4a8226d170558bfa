// Accessibility in real Chromium: an axe-core scan of the index and every bundled lesson in light
// and dark mode, keyboard-only use with a visible focus, chart text alternatives that follow the
// values, and polite announcements of what a slider changed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { compileLesson } from "../../src/compile/index.ts";
import type { LessonApi } from "../../src/runtime/types.ts";
import { launchBrowser, repoDir, startDevServer, type Browser, type Site } from "./browser.ts";
import { openClean } from "./editorPage.ts";
import { openLesson, readBundledLessons, settle } from "./lessonPage.ts";

let browser: Browser;
let site: Site;

beforeAll(async () => {
  [browser, site] = await Promise.all([launchBrowser(), startDevServer()]);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  nodes: string[];
}

const axeSource = readFileSync(join(repoDir, "node_modules/axe-core/axe.min.js"), "utf8");

/** Runs axe-core on the page; the serious and critical violations, with the nodes they name. */
async function scan(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy (dev pages have
  // one too now) does not govern; a <script> tag would be refused.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type AxeNode = { target: string[]; failureSummary?: string };
    type AxeResult = { id: string; impact: string | null; nodes: AxeNode[] };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeResult[] }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ["violations"] });
    return violations
      // "region" is only moderate, but text outside every landmark (the meta line was) is lost to
      // landmark navigation.
      .filter((v) => v.impact === "serious" || v.impact === "critical" || v.id === "region")
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes
          .map((node) => `${node.target.join(" ")}: ${node.failureSummary ?? ""}`.slice(0, 300)),
      }))
      .filter((v) => v.nodes.length > 0);
  });
}

describe("axe-core", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    it(`finds no serious or critical violation on the index, every bundled lesson and an Inputs.table (${colorScheme})`, async () => {
      const page = await browser.newPage();
      await page.emulateMedia({ colorScheme });
      const found: Record<string, Violation[]> = {};
      // fixture-table: Inputs' own stylesheet once painted the table's sticky header white in dark mode.
      for (const slug of ["index", "fixture-table", ...readBundledLessons().map((lesson) => lesson.slug)]) {
        if (slug === "index") await page.goto(site.url);
        else await openLesson(page, `${site.url}${slug}.html`);
        const violations = await scan(page);
        if (violations.length) found[slug] = violations;
      }
      expect(found).toEqual({});
      await page.close();
    });
  }
});

describe("the code toggles", () => {
  it("name the cell each one opens, and a hidden cell that shows nothing has none until Show all code", async () => {
    const page = await browser.newPage();
    await openLesson(page, `${site.url}fixture-hidden.html`);
    // The derivatives lesson too: forty toggles, forty names.
    for (const slug of ["fixture-hidden", "derivatives-and-gradients"]) {
      if (slug !== "fixture-hidden") await openLesson(page, `${site.url}${slug}.html`);
      const names = await page.locator("#lesson .cell-code > summary").evaluateAll((all) => all.map((s) => s.textContent ?? ""));
      expect(names.length, slug).toBeGreaterThan(1);
      expect(new Set(names).size, `${slug}: ${names.join(" | ")}`).toBe(names.length);
    }
    await openLesson(page, `${site.url}fixture-hidden.html`);
    const hidden = page.locator("#lesson .cell", { has: page.locator("summary", { hasText: "code of tripled" }) });
    expect(await hidden.isVisible()).toBe(false);
    await page.getByRole("button", { name: "Show all code" }).click();
    expect(await hidden.isVisible()).toBe(true);
    expect(await hidden.locator("details").getAttribute("open")).not.toBeNull();
    await page.close();
  });
});

describe("long lines", () => {
  it("wrap a cell's code at 375 px, and a wide equation or listing scrolls in its own box with its overflow shown", async () => {
    const page = await browser.newPage({ width: 375, height: 800 });
    await openLesson(page, `${site.url}derivatives-and-gradients.html`);
    const cut = await page
      .locator("#lesson .cell-code pre, #lesson .cm-content")
      .evaluateAll((all) => all.filter((e) => e.scrollWidth > e.clientWidth + 1 && (e as HTMLElement).offsetParent).map((e) => e.textContent!.slice(0, 40)));
    expect(cut, "cell code cut off at 375 px").toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
    // "2. Take Derivative": wider than the column at 1280 px. It scrolls, and a shadow at the edge
    // where more is hidden says so (scrollbars are invisible until used on many systems).
    const equation = page.locator(".katex-display", { hasText: "28w" }).first();
    const box = await equation.evaluate((e) => ({ scrolls: e.scrollWidth > e.clientWidth, overflow: getComputedStyle(e).overflowX, shadow: getComputedStyle(e).backgroundImage }));
    expect(box).toMatchObject({ scrolls: true, overflow: "auto" });
    expect(box.shadow).toContain("radial-gradient");
    const listing = await page.locator("pre.listing:not(.cell pre)").first().evaluate((e) => getComputedStyle(e).backgroundImage);
    expect(listing).toContain("radial-gradient");
    await page.close();
  });

  it("continue a wrapped line of a cell's code under its own indentation, and copy as the code exactly", async () => {
    const page = await browser.newPage({ width: 375, height: 800 });
    await openLesson(page, `${site.url}derivatives-and-gradients.html`);
    const listings = page.locator("#lesson .cell-code[open] > pre.listing:not([hidden])");
    const sources = compileLesson(readFileSync(join(repoDir, "lessons/derivatives-and-gradients.md"), "utf8"), { file: "x.md" }).cells;
    // Each source line's rows on screen (from each character's box, Range.getClientRects), where its
    // first non-space character sits, and where each row after the first starts.
    const lines = await listings.evaluateAll((all) =>
      all.flatMap((pre) => {
        const chars: { node: Text; offset: number }[] = [];
        const walker = pre.ownerDocument.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          for (let offset = 0; offset < node.data.length; offset++) chars.push({ node, offset });
        }
        const text = pre.textContent!;
        const boxOf = (i: number) => {
          const range = pre.ownerDocument.createRange();
          range.setStart(chars[i].node, chars[i].offset);
          range.setEnd(chars[i].node, chars[i].offset + 1);
          return [...range.getClientRects()].find((rect) => rect.width > 0);
        };
        const found: { text: string; first: number; continuations: number[] }[] = [];
        let start = 0;
        for (const line of text.split("\n")) {
          const firstChar = line.search(/\S/);
          if (firstChar >= 0) {
            const rows = new Map<number, number>();
            for (let i = start; i < start + line.length; i++) {
              const box = /\s/.test(text[i]) ? undefined : boxOf(i);
              if (box) rows.set(Math.round(box.top), Math.min(rows.get(Math.round(box.top)) ?? Infinity, box.left));
            }
            const [, ...continuations] = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, left]) => left);
            found.push({ text: line, first: boxOf(start + firstChar)!.left, continuations });
          }
          start += line.length + 1;
        }
        return found;
      }),
    );
    const wrapped = lines.filter((line) => line.continuations.length > 0);
    // The chapter's runListing has indented lines longer than a 375 px column.
    expect(wrapped.filter((line) => /^\s/.test(line.text)).length, "indented lines that wrap at 375 px").toBeGreaterThan(3);
    const outdented = wrapped.filter((line) => line.continuations.some((left) => left <= line.first + 1));
    expect(outdented.map((line) => line.text), "wrapped lines whose continuation starts left of their first character").toEqual([]);
    // The text of every listing, as a script, innerText and a selection (what a copy takes) read it,
    // is exactly the cell's source: no newline added or lost between the line spans.
    const texts = await listings.evaluateAll((all) =>
      all.map((pre) => {
        const selection = getSelection()!;
        selection.selectAllChildren(pre);
        const copied = selection.toString();
        selection.removeAllRanges();
        return { id: pre.getAttribute("data-source-for")!, text: pre.textContent!, inner: (pre as HTMLElement).innerText, copied };
      }),
    );
    expect(texts.length, "open listings").toBeGreaterThan(3);
    for (const { id, text, inner, copied } of texts) {
      const source = sources.find((cell) => cell.id === id)?.source;
      expect(source, `cell ${id} in the compiled lesson`).toBeDefined();
      expect({ text, inner, copied }).toEqual({ text: source!.replace(/\n$/, ""), inner: text, copied: text });
    }
    await page.close();
  });
});

describe("the first chart", () => {
  it("keeps its \"slope →\" label clear of the lines, for a positive and a negative x", async () => {
    const page = await browser.newPage({ width: 1280, height: 800 });
    await openLesson(page, `${site.url}derivatives-and-gradients.html`);
    for (const x of [3, -2.5]) {
      await page.evaluate((value) => (window as unknown as { lesson: LessonApi }).lesson.set("x0", value), x);
      await settle(page);
      // Sample the label's box: no point of it may lie on the stroke of a line of the chart.
      const crossed = await page.evaluate(() => {
        const label = [...document.querySelectorAll("#lesson svg text")].find((t) => t.textContent?.startsWith("slope →")) as SVGTextElement | undefined;
        if (!label) return ["no label"];
        const svg = label.ownerSVGElement!;
        const box = label.getBBox();
        const hits: string[] = [];
        for (const path of svg.querySelectorAll<SVGPathElement>("path")) {
          for (let i = 0; i <= 8; i++) {
            for (let j = 0; j <= 2; j++) {
              const point = svg.createSVGPoint();
              point.x = box.x + (box.width * i) / 8;
              point.y = box.y + (box.height * j) / 2;
              const local = point.matrixTransform(label.getCTM()!).matrixTransform(path.getCTM()!.inverse());
              if (path.isPointInStroke(local)) hits.push(`${path.getAttribute("stroke") ?? path.parentElement?.getAttribute("stroke")} at ${i},${j}`);
            }
          }
        }
        return hits;
      });
      expect(crossed, `x0 = ${x}`).toEqual([]);
    }
    await page.close();
  });
});

describe("the derivatives lesson by keyboard and screen reader", () => {
  const slug = "derivatives-and-gradients";

  // These checks are about this lesson's sliders, chart and prose: without it each must fail, not
  // quietly skip (a renamed lesson would otherwise turn them off). A failing beforeEach fails its
  // test, where a failing beforeAll would only mark the tests skipped.
  beforeEach(() => {
    const slugs = readBundledLessons().map((lesson) => lesson.slug);
    if (!slugs.includes(slug)) {
      throw new Error(`lessons/${slug}.md is missing (bundled lessons: ${slugs.join(", ")}); point these tests at its new name`);
    }
  });

  it("reaches every control with Tab, each with a visible focus", async () => {
    const page = await browser.newPage();
    await openLesson(page, `${site.url}${slug}.html`);
    await page.locator("#lesson input[type=range]").first().waitFor({ timeout: 20_000 });
    await settle(page);
    const sliders = await page.locator("#lesson input[type=range]").count();
    expect(sliders).toBeGreaterThan(0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const seen = new Map<string, { visible: boolean; range: boolean }>();
    const invisible: string[] = [];
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press("Tab");
      // Two frames: CodeMirror marks its editor focused (and draws the ring) on the next update.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const focus = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return null;
        // CodeMirror focuses its content but draws the focus on the editor around it.
        const style = getComputedStyle(element.closest(".cm-editor") ?? element);
        const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
        const ring = style.boxShadow !== "none" && style.boxShadow !== "";
        const path = [];
        for (let node: Element | null = element; node && node !== document.body; node = node.parentElement) {
          path.unshift(`${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ""}:${[...(node.parentElement?.children ?? [])].indexOf(node)}`);
        }
        const name = element.getAttribute("aria-label") ?? element.textContent?.trim().slice(0, 30) ?? "";
        return { key: path.join(">"), label: `${element.tagName.toLowerCase()}[${name}]`, visible: outline || ring, range: element.matches("input[type=range]") };
      });
      if (!focus) continue;
      if (seen.has(focus.key)) break; // Wrapped around: every stop has been visited.
      seen.set(focus.key, focus);
      if (!focus.visible) invisible.push(focus.label);
    }
    expect(seen.size).toBeGreaterThan(sliders);
    expect([...seen.values()].filter((f) => f.range).length, "every slider is a Tab stop").toBe(sliders);
    expect(invisible, "focused elements without an outline or ring").toEqual([]);
    await page.close();
  });

  it("exposes every formula's MathML copy to assistive technology, its tokens as written", async () => {
    // theme.css lays the hidden copy out as inline text, not by MathML layout, and keeps its
    // letters: Chromium must still give each element its MathML role, including off-screen formulas.
    const page = await browser.newPage();
    await openLesson(page, `${site.url}${slug}.html`);
    // Formulas a reader can reach: not in a closed <details> or a prediction's hidden part.
    const formulas = await page.evaluate(() => [...document.querySelectorAll("#lesson .katex")].filter((formula) => formula.querySelector(".katex-html")?.checkVisibility() && formula.querySelector(".katex-mathml math")).length);
    expect(formulas).toBeGreaterThan(10);
    const session = await page.context().newCDPSession(page);
    const { nodes } = (await session.send("Accessibility.getFullAXTree")) as { nodes: { ignored: boolean; role?: { value: string }; name?: { value: string }; childIds?: string[]; nodeId: string }[] };
    const exposed = nodes.filter((node) => !node.ignored);
    expect(exposed.filter((node) => node.role?.value === "MathMLMath").length).toBe(formulas);
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    const textOf = (node: (typeof nodes)[number]): string => (node.role?.value === "StaticText" ? (node.name?.value ?? "") : (node.childIds ?? []).map((id) => textOf(byId.get(id)!)).join(""));
    const identifiers = new Set(exposed.filter((node) => node.role?.value === "MathMLIdentifier").map(textOf));
    // Plain letters (not U+1D44E…), as the lesson's TeX spells them.
    for (const letter of ["w", "x", "y", "L"]) expect(identifiers, `an identifier "${letter}"`).toContain(letter);
    expect(exposed.filter((node) => node.role?.value === "MathMLFraction").length).toBeGreaterThan(0);
    await page.close();
  });

  it("gives each slider an accessible name", async () => {
    const page = await browser.newPage();
    await openLesson(page, `${site.url}${slug}.html`);
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>("#lesson input")]
        .filter((input) => !input.getAttribute("aria-label") && !input.labels?.length && !input.getAttribute("aria-labelledby"))
        .map((input) => input.outerHTML.slice(0, 100)),
    );
    expect(unnamed).toEqual([]);
    await page.close();
  });

  it("keeps a chart's text alternative in step with the values", async () => {
    const page = await browser.newPage();
    await openLesson(page, `${site.url}${slug}.html`);
    const label = () => page.locator('#lesson svg[aria-label^="The data points"]').first().getAttribute("aria-label");
    const before = await label();
    expect(before).toMatch(/the line y = [\d.-]+·x/);
    await page.evaluate(() => (window as unknown as { lesson: LessonApi }).lesson.set("w", 2));
    await settle(page);
    const after = await label();
    expect(after).not.toEqual(before);
    expect(after).toContain("y = 2.00·x");
    await page.close();
  });

  it("announces what a slider changed through a polite live region", async () => {
    const page = await browser.newPage();
    // Clean storage: a slider position an earlier page saved (at its pagehide) would be restored here.
    await openClean(page, `${site.url}${slug}.html`);
    const region = page.locator('[aria-live="polite"].lesson-announcer');
    expect(await region.count()).toBe(1);
    expect(await region.textContent()).toBe(""); // Nothing at load.
    await page.evaluate(() => (window as unknown as { lesson: LessonApi }).lesson.set("w", 2));
    // The sentences whose inline values changed, read whole: "At w = 2.00: L = …".
    await expect.poll(() => region.textContent(), { timeout: 5_000 }).toMatch(/w = 2\.00/);
    await page.evaluate(() => (window as unknown as { lesson: LessonApi }).lesson.set("w", 2.5));
    await expect.poll(() => region.textContent(), { timeout: 5_000 }).toMatch(/w = 2\.50/);
    // It is read by screen readers but not shown.
    const box = await region.boundingBox();
    expect((box?.width ?? 0) * (box?.height ?? 0)).toBeLessThanOrEqual(1);
    await page.close();
  });
});

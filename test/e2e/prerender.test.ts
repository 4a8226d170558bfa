// Prerendered pages (issue 15): `lesson build` writes every cell's first output into the page. Read
// without JavaScript, each bundled lesson is a complete static document that prints; with it, the
// runtime takes the outputs over and ends showing what was prerendered.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useBrowserAndBuiltSite } from "./browser.ts";
import { compileLesson } from "../../src/compile/index.ts";
import { findLeftOut } from "../../src/run/index.ts";
import { readBundledLessons, settle } from "./lessonPage.ts";

const built = useBrowserAndBuiltSite();


const lessons = readBundledLessons();

/** The ids of a lesson's cells a built page leaves to the browser (time, randomness, storage). */
function leftOutOf(source: string): Set<string> {
  return new Set(findLeftOut(compileLesson(source, { file: "lesson.md" })).map((cell) => cell.id));
}

/** A page with scripts off (the browser's setting for the page, through the DevTools protocol). */
async function openWithoutScripts(url: string): Promise<Page> {
  const page = await built.browser.newPage();
  const session = await page.context().newCDPSession(page);
  await session.send("Emulation.setScriptExecutionDisabled", { value: true });
  await page.goto(url);
  return page;
}

/**
 * Each cell output's HTML by cell id (outputs and inline values; not a blank's hidden answer), with what legitimately differs between the build's run
 * (happy-dom) and the page's normalised away: the prerendered mark and the disabled state of
 * controls; form values (written into attributes first, as the runner does); the class Plot and
 * Inputs generate per render (`plot-1a2b3c`, `inputs-3a86ea-4`) and the number Plot gives each
 * chart's clip path (`plot-clip-3`: a count over the page, in the order the charts' cells finish,
 * which depends on when each library's chunk has arrived); the text of Plot's per-chart
 * `<style>` (the same rules, which Vite's HTML pipeline minifies in the built page); the order of
 * attributes (sorted) and their spelling (`open=""` vs `open`); whitespace between tags; and
 * numbers past their 12th significant digit.
 */
async function readOutputs(page: Page): Promise<Record<string, string>> {
  const outputs = await page.evaluate(() => {
    const found: Record<string, string> = {};
    for (const element of document.querySelectorAll<HTMLElement>("#lesson :is(.cell-output, .cell-inline)[data-cell]")) {
      for (const input of element.querySelectorAll("input")) {
        if (input.type === "checkbox" || input.type === "radio") input.toggleAttribute("checked", input.checked);
        else input.setAttribute("value", input.value);
      }
      for (const option of element.querySelectorAll("option")) option.toggleAttribute("selected", option.selected);
      // Attributes in name order: happy-dom and Chromium keep them in the order they were set.
      const copy = element.cloneNode(true) as HTMLElement;
      for (const node of copy.querySelectorAll("*")) {
        const attributes = [...node.attributes].map((a) => [a.name, a.value] as const).sort(([a], [b]) => a.localeCompare(b));
        for (const [name] of attributes) node.removeAttribute(name);
        for (const [name, value] of attributes) node.setAttribute(name, value);
      }
      found[element.dataset.cell!] = copy.innerHTML;
    }
    return found;
  });
  return Object.fromEntries(Object.entries(outputs).map(([id, html]) => [id, normalise(html)]));
}

/** Resolves once the lesson's outputs (the cells of `leftOut` aside) stay unchanged for ten frames, or after 15 s. */
async function waitForStillness(page: Page, leftOut: Set<string>): Promise<void> {
  await page.evaluate(
    (ignored) =>
      new Promise<void>((done) => {
        let still = 0;
        const isIgnored = (node: Node) => {
          const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
          const cell = element?.closest<HTMLElement>("[data-cell]");
          return cell !== null && cell !== undefined && ignored.includes(cell.dataset.cell!);
        };
        const observer = new MutationObserver((records) => {
          if (records.some((record) => !isIgnored(record.target))) still = 0;
        });
        observer.observe(document.getElementById("lesson")!, { subtree: true, childList: true, characterData: true, attributes: true });
        const stop = setTimeout(() => finish(), 15_000);
        const finish = () => (observer.disconnect(), clearTimeout(stop), done());
        const tick = () => (++still >= 10 ? finish() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    [...leftOut],
  );
}

/** Where two outputs part: 150 characters of each from a little before the first difference. */
function describeDifference(id: string, prerendered: string, live: string): Record<string, string | number> {
  let at = 0;
  while (at < prerendered.length && prerendered[at] === live[at]) at++;
  const from = Math.max(0, at - 40);
  return { id, at, prerendered: prerendered.slice(from, from + 150), live: live.slice(from, from + 150) };
}

function normalise(html: string): string {
  return html
    .replace(/ disabled(="")?/g, "")
    .replace(/ data-prerendered(="")?/g, "")
    .replace(/plot-[0-9a-f]{6}/g, "plot")
    .replace(/<style>[^<]*<\/style>/g, "<style></style>")
    .replace(/inputs-3a86ea-\d+/g, "inputs-id")
    .replace(/plot-clip-\d+/g, "plot-clip")
    .replace(/=""/g, "")
    .replace(/>\s+</g, "><")
    // Node 20's V8 and Chromium's differ in the last bits of some Math functions (…069636 vs …06963).
    .replace(/-?\d+\.\d{6,}/g, (number) => String(Number(Number(number).toPrecision(12))));
}

describe("prerendered pages", () => {
  it("read as complete documents without JavaScript: every output at its defaults, controls disabled, and they print", async () => {
    expect(lessons.map((l) => l.slug)).toContain("derivatives-and-gradients");
    for (const { slug, source } of lessons) {
      const page = await openWithoutScripts(`${built.site.url}${slug}.html`);
      const state = await page.evaluate(() => ({
        // (`window.lesson` alone would be main#lesson, by its id.)
        scripted: typeof (window as unknown as { lesson?: { idle?: unknown } }).lesson?.idle === "function",
        outputs: document.querySelectorAll("#lesson :is(.cell-output, .cell-inline)[data-cell]").length,
        prerendered: document.querySelectorAll('#lesson [data-cell][data-prerendered=""]').length,
        // A blank's live answer (`.blank-truth`) is never written into the page.
        answers: document.querySelectorAll("#lesson .blank-truth[data-cell]:not(:empty)").length,
        placeholders: document.querySelectorAll('#lesson [data-cell][data-prerendered="placeholder"]').length,
        charts: document.querySelectorAll("#lesson [data-cell] svg").length,
        enabledControls: document.querySelectorAll("#lesson [data-cell] :is(input, select, textarea, button):not([disabled])").length,
      }));
      expect(state.scripted, slug).toBe(false);
      const leftOut = leftOutOf(source).size;
      expect(state.prerendered, `${slug}: every output is prerendered but the ${leftOut} left to the browser`).toBe(state.outputs - leftOut);
      expect(state.placeholders, slug).toBe(leftOut);
      expect(state.enabledControls, slug).toBe(0);
      expect(state.answers, slug).toBe(0);
      if (slug === "derivatives-and-gradients") expect(state.charts).toBeGreaterThanOrEqual(8);
      // Printed: every chart is laid out with a size on the print page, and the PDF holds them.
      await page.emulateMedia({ media: "print" });
      const hidden = await page.evaluate(() =>
        [...document.querySelectorAll("#lesson [data-cell] svg")].filter((svg) => {
          const box = svg.getBoundingClientRect();
          return box.width === 0 || box.height === 0 || getComputedStyle(svg).visibility === "hidden";
        }).length,
      );
      expect(hidden, `${slug}: charts with no size in print`).toBe(0);
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      await page.close();
    }
  });

  it("show what the live page shows once it settles (normalised as readOutputs says)", async () => {
    for (const { slug, source } of lessons) {
      const url = `${built.site.url}${slug}.html`;
      const still = await openWithoutScripts(url);
      const leftOut = leftOutOf(source);
      const prerendered = Object.fromEntries(Object.entries(await readOutputs(still)).filter(([id]) => !leftOut.has(id)));
      await still.close();
      const page = await built.browser.newPage();
      // The build's DOM prefers reduced motion: animations show their last frame at once.
      await page.emulateMedia({ reducedMotion: "reduce" });
      await page.goto(url);
      await page.waitForFunction(() => typeof (window as unknown as { lesson?: { idle?: unknown } }).lesson?.idle === "function", undefined, { timeout: 20_000 });
      const cells = await settle(page);
      expect(cells.filter((cell) => cell.status !== "fulfilled"), slug).toEqual([]);
      // Generators (an animation of 60 frames) run on after the cells settle, as the build's run
      // let them run out: wait until the outputs hold still.
      await waitForStillness(page, leftOut);
      const live = Object.fromEntries(Object.entries(await readOutputs(page)).filter(([id]) => !leftOut.has(id)));
      await page.close();
      expect(Object.keys(prerendered).sort(), slug).toEqual(Object.keys(live).sort());
      const differing = Object.keys(live).filter((id) => live[id] !== prerendered[id]);
      expect(
        differing.map((id) => describeDifference(id, prerendered[id] ?? "", live[id] ?? "")),
        `${slug}: outputs that differ`,
      ).toEqual([]);
    }
  });
});

// Prerendered pages (issue 15): `lesson build` writes every cell's first output into the page. Read
// without JavaScript, each bundled lesson is a complete static document that prints; with it, the
// runtime takes the outputs over and ends showing what was prerendered.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fixtureLessonsDir, useBrowserAndBuiltSite } from "./browser.ts";
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
 * controls and the static mark; form values (written into attributes first, as the runner does); the class Plot and
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
    .replace(/ data-static(="")?/g, "")
    .replace(/ data-hydrate(="")?/g, "")
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
      // Every cell runs: without the static and hydrate marks the page keeps no prerendered output,
      // so each is compared with what its cell's own run shows (the page that keeps them is tested below).
      await page.route(url, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: (await response.text()).replace(/ data-(static|hydrate)(="")?/g, "") });
      });
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

  it("keep a static output at start (never pending), and run its cell as soon as an input it reads moves", async () => {
    // A slider, a value and a chart that read it (the chapter's charts read `width`: they run).
    const slug = "fixture-slider";
    const cells = compileLesson(readFileSync(join(fixtureLessonsDir, `${slug}.md`), "utf8"), { file: `${slug}.md` }).cells;
    const page = await built.browser.newPage();
    await page.emulateMedia({ reducedMotion: "reduce" });
    // From the first byte: the parser only inserts nodes, so an output that loses a node was
    // replaced by its cell's run; and every status an output takes.
    await page.addInitScript(() => {
      const seen: { replaced: Record<string, number>; pending: string[] } = { replaced: {}, pending: [] };
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      new MutationObserver((records) => {
        for (const record of records) {
          const element = record.target.nodeType === Node.ELEMENT_NODE ? (record.target as Element) : record.target.parentElement;
          const id = element?.closest<HTMLElement>("[data-cell]")?.dataset.cell;
          if (!id) continue;
          if (record.type === "childList" && record.removedNodes.length) seen.replaced[id] = (seen.replaced[id] ?? 0) + 1;
          if (record.type === "attributes" && (record.target as HTMLElement).dataset.status === "pending") seen.pending.push(id);
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-status"] });
    });
    const html = await (await fetch(`${built.site.url}${slug}.html`)).text();
    const statics = [...html.matchAll(/data-cell="([0-9a-z-]+)" data-status="fulfilled" data-static/g)].map((match) => match[1]!);
    await page.goto(`${built.site.url}${slug}.html`);
    await page.waitForFunction(() => typeof (window as unknown as { lesson?: { idle?: unknown } }).lesson?.idle === "function", undefined, { timeout: 20_000 });
    expect((await settle(page)).filter((cell) => cell.status !== "fulfilled")).toEqual([]);
    await waitForStillness(page, new Set());
    type Seen = { replaced: Record<string, number>; pending: string[] };
    const read = () => page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);
    const atStart = await read();
    const kept = statics.filter((id) => !atStart.replaced[id]);
    // The chart and the value in prose are kept (the slider listens, and the declaration is read
    // by another cell: they run).
    const readers = cells.filter((cell) => cell.outputs.length === 0 && cell.inputs.some((name) => name === "k" || name === "doubled")).map((cell) => cell.id);
    expect(readers).toHaveLength(2);
    expect(readers.filter((id) => !kept.includes(id)), "outputs replaced at start").toEqual([]);
    expect(await page.evaluate((ids) => ids.filter((id) => document.querySelector(`[data-cell="${id}"] svg`)).length, kept), "kept charts").toBe(1);
    expect(atStart.pending.filter((id) => readers.includes(id)), "kept outputs never pending").toEqual([]);

    await page.evaluate(() => (window as unknown as { lesson: { set(name: string, value: unknown): Promise<void> } }).lesson.set("k", 3));
    await settle(page);
    const moved = await read();
    expect(readers.filter((id) => !moved.replaced[id]), "kept outputs redrawn once k moved").toEqual([]);
    expect(await page.evaluate(() => document.querySelector("#lesson")!.textContent)).toContain("Twice k is 6.");
    await page.close();
  });

  it("keep an output that listens (a table) at start, and run its cell when the reader reaches for it, before the click", async () => {
    const slug = "fixture-table";
    const url = `${built.site.url}${slug}.html`;
    const html = await (await fetch(url)).text();
    const table = [...html.matchAll(/data-cell="([0-9a-z-]+)" data-status="fulfilled" data-hydrate data-prerendered><form class="inputs-[0-9a-z]+ inputs-[0-9a-z]+-table/g)].map((match) => match[1]!);
    expect(table, "the table's output marked to run later").toHaveLength(1);
    const still = await openWithoutScripts(url);
    const prerendered = (await readOutputs(still))[table[0]!];
    await still.close();
    const page = await built.browser.newPage();
    // No idle time: only the reader brings the table's run (idle callbacks are held).
    await page.addInitScript(() => {
      const held: (() => void)[] = [];
      Object.assign(window, { __held: held, requestIdleCallback: (callback: () => void) => held.push(callback) });
      const seen: { replaced: number; pending: number } = { replaced: 0, pending: 0 };
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      new MutationObserver((records) => {
        for (const record of records) {
          const element = record.target.nodeType === Node.ELEMENT_NODE ? (record.target as Element) : record.target.parentElement;
          if (!element?.closest(".cell-output")?.querySelector("form[class$=-table]")) continue;
          if (record.type === "childList" && record.removedNodes.length) seen.replaced++;
          if (record.type === "attributes" && (record.target as HTMLElement).dataset.status === "pending") seen.pending++;
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-status"] });
    });
    await page.goto(url);
    await page.waitForFunction(() => {
      const lesson = (window as unknown as { lesson?: { cells(): { status: string }[] } }).lesson;
      return lesson !== undefined && lesson.cells().every((cell) => cell.status === "fulfilled");
    });
    await page.waitForTimeout(300);
    type Seen = { replaced: number; pending: number };
    const read = () => page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);
    expect(await read(), "kept at start, never pending").toEqual({ replaced: 0, pending: 0 });
    const firstColumn = () => page.evaluate((id) => [...document.querySelectorAll(`[data-cell="${id}"] tbody tr td:nth-child(2)`)].map((td) => td.textContent).join(" "), table[0]!);
    expect(await firstColumn()).toBe("0 1 2 3 4");
    expect(await page.locator(`[data-cell="${table[0]}"] tbody input[type=checkbox]`).first().isDisabled()).toBe(true);

    // The pointer comes over the header and clicks it: the click sorts the fresh table.
    await page.locator(`[data-cell="${table[0]}"] th[title=square]`).click();
    expect((await read()).replaced).toBeGreaterThan(0);
    expect(await firstColumn(), "sorted by square").not.toBe("0 1 2 3 4");
    expect(await page.locator(`[data-cell="${table[0]}"] tbody input[type=checkbox]`).first().isEnabled()).toBe(true);
    // What the run drew is what the build wrote (sorted back first: a second click on the header reverses).
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { lesson?: unknown }).lesson !== undefined);
    await page.locator(`[data-cell="${table[0]}"] tbody`).hover();
    await page.waitForFunction((id) => !document.querySelector(`[data-cell="${id}"] input[disabled]`), table[0]!);
    expect((await readOutputs(page))[table[0]!]).toBe(prerendered);
    await page.close();

    // Without the reader: the run comes at the first idle moment, and lesson.idle() waits for it.
    const idle = await built.browser.newPage();
    await idle.goto(url);
    await idle.waitForFunction(() => typeof (window as unknown as { lesson?: { idle?: unknown } }).lesson?.idle === "function", undefined, { timeout: 20_000 });
    await settle(idle);
    expect(await idle.locator(`[data-cell="${table[0]}"] tbody input[type=checkbox]`).first().isEnabled()).toBe(true);
    await idle.close();
  });
});

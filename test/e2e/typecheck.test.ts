// The in-page TypeScript checker in real Chromium, typing as a reader: errors marked where they are
// (and in the cells an edit breaks), completion and hover from TypeScript, go to definition across
// cells, the cell still running despite a type error; and a reader who never edits loads none of it.
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LessonApi } from "../../src/runtime/types.ts";
import { buildAndServe, launchBrowser, startDevServer, type Browser, type Site } from "./browser.ts";
import { findEditor, openClean } from "./editorPage.ts";
import { readValue, settle } from "./lessonPage.ts";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

// The checker runs on a shared, often busy machine: every wait on it allows 30 s, the first one
// (the worker loading TypeScript; in the dev server, transforming it first) 90 s. None is a timing.
const firstCheck = 90_000;

/** A request for the checker: its controller chunk, its worker, TypeScript or the declaration files. */
const isCheckerRequest = (url: string) =>
  /\/editor\/typecheck\/|\/(typeHelp|checkerWorker|startChecker)[-.]|\/typescript\.js|@typescript|checker-files/.test(url);

/** Replaces the code of `editor` by typing it, without running it. */
async function typeCode(page: Page, editor: Locator, code: string): Promise<void> {
  await editor.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(code);
}

/** The middle of the first occurrence of `text` in the editor's code, in page coordinates. */
async function pointAt(editor: Locator, text: string): Promise<{ x: number; y: number }> {
  const point = await editor.locator(".cm-content").evaluate((content, wanted) => {
    const walker = content.ownerDocument.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const range = content.ownerDocument.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
    return undefined;
  }, text);
  if (!point) throw new Error(`"${text}" is not in the editor (a token split across elements?)`);
  return point;
}

const problemsOf = (editor: Locator) => editor.locator(".cell-type-problems").textContent();

/**
 * A reader who reads, moves a slider, hovers over a cell's code and opens a hidden cell's editor
 * loads no byte of the checker; putting the cursor in a cell's code starts it, before any keystroke.
 */
async function readWithoutEditing(url: string): Promise<void> {
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await openClean(page, url);
  await page.evaluate(() => (window as unknown as { lesson: LessonApi }).lesson.set("rate", 0.3));
  await settle(page);
  // Opening a hidden cell puts its editor in (CodeMirror loads), without the cursor: not editing yet.
  const hidden = page.locator("details.cell-code", { hasText: "const rate" });
  await hidden.locator("summary").click();
  await hidden.locator(".cm-content").waitFor({ timeout: 30_000 });
  await page.locator("details.cell-code", { hasText: "const last" }).hover();
  await page.waitForTimeout(500);
  expect(requests.length).toBeGreaterThan(5);
  expect(requests.filter(isCheckerRequest)).toEqual([]);
  // The cursor in the code is reaching to edit: the checker loads now, to be warm by the first keystroke.
  const editor = await findEditor(page, "const last");
  await editor.locator(".cm-content").click();
  await expect.poll(() => requests.filter(isCheckerRequest).length, { timeout: firstCheck }).toBeGreaterThan(0);
  await page.close();
}

/** A type error is marked where it is, with its message; the cell still runs. */
async function typeAnError(url: string): Promise<void> {
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await openClean(page, url);
  const editor = await findEditor(page, "const last");
  await typeCode(page, editor, 'const last: string = rows[rows.length - 1].w;\nconst chart = Plot.lin(rows);');
  const marks = editor.locator(".cm-lintRange-warning");
  await expect.poll(() => marks.allTextContents(), { timeout: firstCheck }).toEqual(["last", "lin"]);
  const listed = await problemsOf(editor);
  expect(listed).toContain("the cell still runs");
  expect(listed).toContain("Line 1, column 7: Type 'number' is not assignable to type 'string'.");
  expect(listed).toMatch(/Line 2, column 20: Property 'lin' does not exist on type .*Did you mean 'line'\?/);
  // The message on hover over the mark.
  const at = await pointAt(editor, "lin");
  await page.mouse.move(at.x - 4, at.y);
  await expect.poll(() => page.locator(".cm-tooltip-lint").textContent(), { timeout: 30_000 }).toContain("Property 'lin' does not exist");
  // Shift-Enter runs it anyway: the value is the number, despite its declared type.
  await typeCode(page, editor, "const last: string = rows[rows.length - 1].w;");
  await page.keyboard.press("Shift+Enter");
  await expect.poll(() => readValue(page, "last"), { timeout: 30_000 }).toBeTypeOf("number");
  await expect.poll(() => editor.locator(".cell-editor-status").textContent(), { timeout: 30_000 }).toBe("Ran.");
  await expect.poll(() => problemsOf(editor), { timeout: 30_000 }).toContain("Type 'number' is not assignable to type 'string'.");
  expect(requests.some(isCheckerRequest)).toBe(true);
  await page.close();
}

/** An edit that changes a type shows the error at the cell that reads it. */
async function breakAReader(url: string): Promise<void> {
  const page = await browser.newPage();
  await openClean(page, url);
  const editor = await findEditor(page, "const loss");
  await typeCode(page, editor, "const loss = (w: number) => `${(w - 2) ** 2}`;");
  const reader = page.locator("details.cell-code", { hasText: "const rows" }).locator("[data-editor]");
  await expect.poll(() => reader.locator(".cell-type-problems").textContent(), { timeout: firstCheck }).toMatch(
    /Line 1, column \d+: .*'\(w: number\) => string' is not assignable to .*'\(w: number\) => number'/s,
  );
  // Putting the author's version back clears it.
  await typeCode(page, editor, "const loss = (w: number) => (w - 2) ** 2;");
  await expect.poll(() => reader.locator(".cell-type-problems").count(), { timeout: 30_000 }).toBe(0);
  await page.close();
}

/** Completion offers a live-lesson/math export with its signature; hover shows a doc comment. */
async function completeAndHover(url: string): Promise<void> {
  const page = await browser.newPage();
  await openClean(page, url);
  const editor = await findEditor(page, "const last");
  await typeCode(page, editor, "const first = descen");
  // A reader keeps typing while the checker loads; then the list comes from TypeScript.
  await expect.poll(() => problemsOf(editor), { timeout: firstCheck }).toContain("Cannot find name 'descen'.");
  await page.keyboard.type("d");
  const option = page.locator(".cm-tooltip-autocomplete li", { hasText: "descend1d" });
  await expect.poll(() => option.count(), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect.poll(() => option.first().locator(".cm-completionDetail").textContent(), { timeout: 30_000 }).toMatch(/descend1d\(.*Descend1dOptions\): DescentRow\[\]/);
  await page.keyboard.press("Escape");

  const rows = await findEditor(page, "const rows");
  const at = await pointAt(rows, "loss,");
  await page.mouse.move(at.x - 6, at.y);
  const hover = page.locator(".cm-type-hover");
  await expect.poll(() => hover.textContent(), { timeout: 30_000 }).toContain("The loss of the worked example: zero at w = 2.");
  expect(await hover.locator(".cm-type-hover-signature").textContent()).toBe("const loss: (w: number) => number");
  await page.close();
}

/** Ctrl-click on a name another cell defines opens that (hidden) cell's editor at it. */
async function jumpToDefinition(url: string): Promise<void> {
  const page = await browser.newPage();
  await openClean(page, url);
  const rows = await findEditor(page, "const rows");
  // The checker starts with a first edit; its first answer is the page's "types checked" event.
  await rows.locator(".cm-content").click();
  await page.keyboard.press("End");
  const checked = page.evaluate(() => new Promise((done) => document.addEventListener("live-lesson:types-checked", done, { once: true, capture: true })));
  await page.keyboard.type(" ");
  await checked;
  const hidden = page.locator("details.cell-code", { hasText: "const rate" });
  expect(await hidden.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
  const at = await pointAt(rows, "rate");
  await page.keyboard.down("Control");
  await page.mouse.click(at.x, at.y);
  await page.keyboard.up("Control");
  await expect.poll(() => hidden.evaluate((details) => (details as HTMLDetailsElement).open), { timeout: 30_000 }).toBe(true);
  const target = hidden.locator(".cm-content");
  await expect.poll(() => target.evaluate((content) => content.contains(document.activeElement)), { timeout: 30_000 }).toBe(true);
  expect(await page.evaluate(() => document.getSelection()?.toString())).toBe("rate");
  await page.close();
}

/** Starts `start()` before the tests of a describe block and stops it after them; the page URL. */
function serveFixture(start: () => Promise<Site>): () => string {
  let site: Site | undefined;
  beforeAll(async () => {
  site = await start();
  });
  afterAll(async () => {
  await site?.close();
  });
  return () => `${site!.url}fixture-typecheck.html`;
}

describe("the type checker in the built site (what readers get, with its CSP)", { timeout: 300_000 }, () => {
  const url = serveFixture(() => buildAndServe());
  it("loads no checker byte for a reader who reads, moves a slider and opens a cell, and starts it when the cursor goes in the code", () => readWithoutEditing(url()));
  it("marks a type error where it is, with its message, and the cell still runs", () => typeAnError(url()));
  it("shows the error an edit causes in a cell that reads it, at that cell", () => breakAReader(url()));
  it("completes a live-lesson/math export with its signature, and hover shows a doc comment", () => completeAndHover(url()));
  it("jumps to a name defined in another cell, opening its hidden editor", () => jumpToDefinition(url()));
});

describe("the type checker in the dev server", { timeout: 300_000 }, () => {
  const url = serveFixture(() => startDevServer());
  it("marks a type error where it is, with its message, and the cell still runs", () => typeAnError(url()));
  it("shows the error an edit causes in a cell that reads it, at that cell", () => breakAReader(url()));
});

// The in-page type checker on the full chapter (built, static server): what a reader who never edits
// loads (none of it), first edit → first diagnostics with a cold worker, a keystroke → updated
// diagnostics with a warm one, and the checker's own size (gzip).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import * as fw from "../peers/framework/measure.mjs";
import { summarize } from "./stats.js";

/**
 * Chromium as the other figures get it (fw.launchChromium), through this repo's own
 * playwright-core, so `--only typecheck` needs none of the peers installed.
 */
async function launchChromium() {
  const profile = await mkdtemp(join(tmpdir(), "live-lesson-bench-chromium-"));
  let closing;
  const context = await chromium.launchPersistentContext(profile, { executablePath: fw.CHROMIUM, headless: true, args: fw.CHROMIUM_ARGS, viewport: { width: 1000, height: 900 } });
  return {
    newPage: () => context.newPage(),
    // Once: the reader session's browser closes before the further samples, and again in `finally`.
    close: () => (closing ??= (async () => { await context.close(); await rm(profile, { recursive: true, force: true }); })()),
  };
}

/** A file of the checker: its controller chunk, its worker, TypeScript, the declarations. */
const isCheckerFile = (path) => /[\\/](typeHelp|checkerWorker|typescript|checker-files)-[^\\/]*\.js$/.test(path);

/**
 * In the page: resolves with ms from the next keydown to the first answer of the checker after it
 * (the page's "live-lesson:types-checked" event) that leaves the `steps` cell's editor in the lint
 * state `want` ("warning": a type warning and no syntax error; "clean": no mark at all). Marks
 * CodeMirror merely moves or drops with the text do not count: only the checker's answer does.
 */
function watchMarks([editorSelector, want]) {
  window.__marks = new Promise((resolve, reject) => {
    const editor = document.querySelector(editorSelector);
    let t0 = null;
    const onKey = () => { if (t0 === null) t0 = performance.now(); };
    window.addEventListener("keydown", onKey, true);
    const timer = setTimeout(() => reject(new Error(`no "${want}" diagnostics within 120 s`)), 120000);
    const matches = () => {
      const warnings = editor.querySelectorAll(".cm-lintRange-warning").length;
      const errors = editor.querySelectorAll(".cm-lintRange-error").length;
      return want === "warning" ? warnings > 0 && errors === 0 : warnings === 0 && errors === 0;
    };
    const onChecked = () => {
      if (t0 === null || !matches()) return;
      document.removeEventListener("live-lesson:types-checked", onChecked, true);
      clearTimeout(timer);
      window.removeEventListener("keydown", onKey, true);
      resolve(performance.now() - t0);
    };
    document.addEventListener("live-lesson:types-checked", onChecked, true);
  });
}

/**
 * Opens the `steps` cell (a hidden cell: its listing opens, and CodeMirror goes in without the
 * cursor, which is still reading); returns its editor's selector.
 */
export async function openStepsEditor(page) {
  const details = page.locator("details.cell-code", { hasText: "const steps" }).first();
  if (!(await details.evaluate((d) => d.open))) await details.locator("summary").click();
  const id = await details.locator("[data-editor]").getAttribute("data-editor");
  const selector = `[data-editor="${id}"]`;
  await page.locator(selector).locator(".cm-content").waitFor({ timeout: 30000 });
  return selector;
}

/** Puts the cursor at the end of the editor's code: reaching to edit, which starts the checker. */
export async function putCursorIn(page, selector) {
  await page.locator(selector).locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+End");
}

/** How long the reader waits between putting the cursor in the cell and typing. */
export const readingMs = 1000;

/**
 * `url`: the built chapter served by `server` (fw.serveDist). A reader session (load, both sliders
 * moved, a hidden cell's editor opened, no cursor in it, no edit) records every byte; then the
 * reader puts the cursor at the end of the `steps` cell (the checker starts) and, `readingMs` later,
 * types the first edit — `x`, a name that does not exist — timed keydown → its mark; then
 * `keystrokes` keystrokes alternate Backspace and `x` (no error ↔ "Cannot find name 'x'"), each
 * timed keydown → marks updated. The `steps` cell is read by most of the chapter's charts, so each
 * keystroke checks the cell and every cell that reads it. The first edit is timed again in
 * `samples - 1` more fresh browsers (load, open the listing, click, `readingMs`, `x`): one sample
 * scatters by a factor of two on a shared machine, so the goal is judged on their median. Last, in
 * a fresh browser (empty cache), `x` typed at once after the click times a cold start with no head
 * start (`coldFirstDiagnosticsMs`).
 */
export async function measureTypeCheck({ server, url, keystrokes, samples = 1, readerOnly = false }) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const from = server.log.length;
    await page.goto(url);
    await page.waitForFunction(() => window.lesson && true, null, { timeout: 60000 });
    await page.evaluate(() => window.lesson.idle());
    await page.evaluate(() => window.lesson.set("w", 1.5));
    await page.evaluate(() => window.lesson.set("alpha", 0.02));
    await page.evaluate(() => window.lesson.idle());
    const selector = await openStepsEditor(page);
    await page.waitForTimeout(500);
    const readerLog = server.log.slice(from);
    const reader = fw.bytesLoaded(readerLog);
    const readerCheckerFiles = readerLog.filter((entry) => entry.path && isCheckerFile(entry.path)).length;
    if (readerOnly) return { reader: { ...reader, checkerFiles: readerCheckerFiles } };

    // The cursor goes in, and the first edit comes a moment later: `x`, a name that does not exist.
    const beforeEdit = server.log.length;
    await putCursorIn(page, selector);
    await page.waitForTimeout(readingMs);
    await page.evaluate(watchMarks, [selector, "warning"]);
    await page.keyboard.press("x");
    const firstMs = await page.evaluate(() => window.__marks);
    await page.waitForTimeout(300);
    // Everything requested from the cursor going in on is the checker's (its chunks and their imports).
    const checker = fw.bytesLoaded(server.log.slice(beforeEdit));

    const times = [];
    for (let i = 0; i < keystrokes; i++) {
      const remove = i % 2 === 0;
      await page.evaluate(watchMarks, [selector, remove ? "clean" : "warning"]);
      await page.keyboard.press(remove ? "Backspace" : "x");
      times.push(await page.evaluate(() => window.__marks));
      await page.waitForTimeout(50);
    }
    // Closed before the further samples: its page and checker must not take their CPU.
    await browser.close();
    const firsts = [firstMs];
    for (let i = 1; i < samples; i++) firsts.push(await measureFirstEdit(url, readingMs));
    const coldMs = await measureFirstEdit(url, 0);
    return {
      reader: { ...reader, checkerFiles: readerCheckerFiles },
      checker: { raw: checker.raw, gzip: checker.gzip, files: checker.js.files + checker.css.files },
      readingMs,
      firstDiagnosticsMs: summarize(firsts),
      firstDiagnosticsSamples: firsts,
      coldFirstDiagnosticsMs: coldMs,
      keystrokeMs: summarize(times),
    };
  } finally {
    await browser.close();
  }
}

/**
 * A first edit in a fresh browser (empty cache): load, open the `steps` listing, click in it, wait
 * `waitMs` (0: a cold start with no head start), type `x`; ms keydown → its mark.
 */
export async function measureFirstEdit(url, waitMs) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.lesson && true, null, { timeout: 60000 });
    await page.evaluate(() => window.lesson.idle());
    const selector = await openStepsEditor(page);
    await putCursorIn(page, selector);
    if (waitMs) await page.waitForTimeout(waitMs);
    await page.evaluate(watchMarks, [selector, "warning"]);
    await page.keyboard.press("x");
    return await page.evaluate(() => window.__marks);
  } finally {
    await browser.close();
  }
}

// What the editor tests do as a reader: open a lesson with no saved edits, open a cell's editor,
// type into it and run it. Shared by every browser test that edits cells.
import type { Locator, Page } from "playwright-core";
import { openLesson } from "./lessonPage.ts";

/** Opens `target` with no saved edits for any lesson of the site `url` belongs to. */
export async function openClean(page: Page, url: string, target = url): Promise<void> {
  await page.goto("about:blank");
  await openLesson(page, url);
  await page.evaluate(() => localStorage.clear());
  await page.goto("about:blank");
  await openLesson(page, target);
}

/** The editor of the cell whose code contains `text`: a click on the listing puts CodeMirror in. */
export async function findEditor(page: Page, text: string): Promise<Locator> {
  const details = page.locator("details.cell-code", { hasText: text }).first();
  await details.waitFor({ timeout: 15_000 });
  const id = await details.locator("[data-editor]").getAttribute("data-editor");
  const editor = page.locator(`[data-editor="${id}"]`);
  if ((await editor.locator(".cm-content").count()) === 0) await page.locator(`[data-source-for="${id}"]`).click();
  await editor.locator(".cm-content").waitFor({ timeout: 15_000 });
  return editor;
}

/** Replaces the cell's code by typing, as a reader does, then runs it with Shift-Enter. */
export async function typeAndRun(page: Page, editor: Locator, code: string): Promise<void> {
  await editor.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(code);
  await page.keyboard.press("Shift+Enter");
}

/** The lesson's text, prose and outputs. */
export const lessonText = (page: Page): Promise<string | null> => page.locator("#lesson").textContent();

/** Whether `window.__pwned` was set by anything on the page. */
export const isPwned = (page: Page): Promise<unknown> => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

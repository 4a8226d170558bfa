// Driving an exercise as a student does, for the exercise browser tests.
import type { Locator, Page } from "playwright-core";
import { openLesson } from "./lessonPage.ts";

/** The exercise's element (`data-exercise`). */
export const exercise = (page: Page, id: string): Locator => page.locator(`[data-exercise="${id}"]`);

/** The exercise's feedback line. */
export const feedback = (page: Page, id: string): Locator => exercise(page, id).locator("[data-feedback-for]");

/** Replaces the code in the exercise's (always open) editor by typing, as a student does. */
export async function typeCode(page: Page, id: string, code: string): Promise<void> {
  const content = exercise(page, id).locator(".cm-content");
  await content.waitFor({ timeout: 20_000 });
  await content.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(code);
}

/**
 * Presses Check (with the mouse, or by keyboard: focus and Enter) and waits for the verdict (the
 * feedback stops saying "Checking…"); returns it.
 */
export async function check(page: Page, id: string, by: "mouse" | "keyboard" = "mouse"): Promise<string> {
  const button = exercise(page, id).locator('button[data-action="check"]');
  if (by === "keyboard") {
    await button.focus();
    await page.keyboard.press("Enter");
  } else {
    await button.click();
  }
  await page.waitForFunction((id) => {
    const text = document.querySelector(`[data-exercise="${id}"] [data-feedback-for]`)?.textContent ?? "";
    return text !== "" && text !== "Checking…";
  }, id, { timeout: 30_000 });
  return (await feedback(page, id).textContent()) ?? "";
}

/**
 * Opens `url` on a dev server until its exercises can be checked: the server computes the answers
 * with the Node runner on the first request and says so meanwhile. A first load of a cold dev
 * server (Vite transforming the page's modules while the runner starts) can outlast the page's load
 * timeout on a busy machine: that is one more try, not a failure. Gives up after `ms`.
 */
export async function waitForAnswers(page: Page, url: string, id: string, ms = 240_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const said = await openLesson(page, url).then(
      () => check(page, id),
      (error: Error) => `the page did not open in time (${error.message.split("\n")[0]})`,
    );
    if (!said.includes("still being computed") && !said.startsWith("the page did not open")) return;
    if (Date.now() > deadline) throw new Error(`the dev server never computed the answers of ${url}: ${said}`);
    await page.waitForTimeout(3000);
  }
}

// Driving an exercise as a student does, for the exercise browser tests.
import type { Locator, Page } from "playwright-core";

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

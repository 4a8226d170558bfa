// @vitest-environment happy-dom
import { expect, it } from "vitest";
import { onPageHidden } from "../../src/editor/onPageHidden.ts";

function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
  document.dispatchEvent(new Event("visibilitychange"));
}

it("saves when the page goes away or is hidden, not when it is shown again, and stops when asked", () => {
  let saves = 0;
  const stop = onPageHidden(document, () => saves++);
  window.dispatchEvent(new Event("pagehide"));
  expect(saves).toBe(1);
  setVisibility("hidden");
  expect(saves).toBe(2);
  setVisibility("visible");
  expect(saves).toBe(2);
  stop();
  window.dispatchEvent(new Event("pagehide"));
  setVisibility("hidden");
  expect(saves).toBe(2);
  setVisibility("visible");
});

// @vitest-environment happy-dom
// "Show all code": the one place that opens every hidden cell, and closes them again.
import { describe, expect, it } from "vitest";
import { createLessonBar } from "../../src/editor/createLessonBar.ts";

function lesson(): HTMLElement {
  const root = document.createElement("main");
  root.innerHTML =
    `<div class="cell"><details class="cell-code" open><summary tabindex="-1">TypeScript</summary></details><div data-cell="a"></div></div>` +
    `<div class="cell"><details class="cell-code"><summary>TypeScript</summary></details><div data-cell="b"></div></div>`;
  return root;
}

describe("the lesson bar's Show all code", () => {
  it("opens every hidden cell and marks the lesson, then puts both back", () => {
    const root = lesson();
    const bar = createLessonBar(root, { share: () => {}, resetAll: () => {} });
    const button = [...bar.element.querySelectorAll("button")].find((b) => b.textContent === "Show all code")!;
    expect(button.getAttribute("aria-pressed")).toBe("false");
    const open = () => [...root.querySelectorAll("details")].map((d) => d.open);
    button.click();
    expect(button.getAttribute("aria-pressed")).toBe("true");
    expect(root.hasAttribute("data-show-code")).toBe(true);
    expect(open()).toEqual([true, true]);
    button.click();
    expect(button.getAttribute("aria-pressed")).toBe("false");
    expect(root.hasAttribute("data-show-code")).toBe(false);
    expect(open()).toEqual([true, false]);
  });

  it("sits after the lesson, not before its title", () => {
    const root = lesson();
    const bar = createLessonBar(root, { share: () => {}, resetAll: () => {} });
    expect(root.lastElementChild).toBe(bar.element);
  });
});

// @vitest-environment happy-dom
// The inline theme script, run as the page runs it: the stored choice before the first paint, and
// the theme button answered until the runtime's toggle takes it over.
import { beforeEach, describe, expect, it } from "vitest";
import { themeInitSource } from "../../src/site/themeInit.ts";
import { installThemeToggle } from "../../src/runtime/themeToggle.ts";

const root = document.documentElement;

/** Runs the script; without `listen`, the click listener it adds is dropped (one per file is enough). */
function run({ listen }: { listen: boolean }): void {
  const add = document.addEventListener;
  if (!listen) document.addEventListener = () => {};
  try {
    new Function(themeInitSource)();
  } finally {
    document.addEventListener = add;
  }
}

beforeEach(() => {
  localStorage.clear();
  delete root.dataset.theme;
  root.style.removeProperty("color-scheme");
  document.body.innerHTML = `<header><button type="button" data-theme-toggle>◐ Theme</button></header>`;
});

const button = () => document.querySelector<HTMLButtonElement>("[data-theme-toggle]")!;

describe("themeInitSource", () => {
  it("applies the stored choice", () => {
    localStorage.setItem("live-lesson-theme", "dark");
    run({ listen: false });
    expect(root.dataset.theme).toBe("dark");
    expect(root.style.colorScheme).toBe("dark");
  });

  it("switches the theme on a click before the runtime starts, and the runtime keeps that choice", () => {
    run({ listen: true });
    localStorage.setItem("live-lesson-theme", "light");
    root.dataset.theme = "light";
    button().click();
    expect(root.dataset.theme).toBe("dark");
    expect(localStorage.getItem("live-lesson-theme")).toBe("dark");
    installThemeToggle(button());
    expect(root.dataset.theme).toBe("dark");
    // Once the runtime owns the button, one click switches once, not twice.
    button().click();
    expect(root.dataset.theme).toBe("light");
    expect(localStorage.getItem("live-lesson-theme")).toBe("light");
  });
});

// @vitest-environment happy-dom
// A built page's editors and learning side go in once the page is interactive: at the first idle
// moment after the lesson settles, or at the reader's first press, whose own event the installed
// listeners then receive; `lesson.idle()` waits for them. Readers with something saved get them at once.
import { describe, expect, it } from "vitest";
import { hasReaderState, installWhenIdle } from "../../src/runtime/installWhenIdle.ts";
import type { LessonApi, LessonHandle } from "../../src/runtime/types.ts";

/** A handle whose lesson settles when `settle()` is called, and a window whose idle callbacks run on `idle()`. */
function createPage() {
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const api = { idle: () => settled } as LessonApi;
  const handle = { api } as LessonHandle;
  const idleCallbacks: (() => void)[] = [];
  const view = Object.assign(window, {
    requestIdleCallback: (callback: () => void) => (idleCallbacks.push(callback), idleCallbacks.length),
  });
  return { handle, api, view, settle, idle: () => idleCallbacks.splice(0).forEach((callback) => callback()) };
}

const storageOf = (keys: string[]) => () => ({ length: keys.length, key: (i: number) => keys[i] ?? null });

describe("hasReaderState", () => {
  it("finds the lesson's saved edits, slider positions and record, and nothing of other lessons", () => {
    expect(hasReaderState("a.md", storageOf(["live-lesson:a.md"]))).toBe(true);
    expect(hasReaderState("a.md", storageOf(["live-lesson:/course/a.md:inputs"]))).toBe(true);
    expect(hasReaderState("a.md", storageOf(["live-lesson:record:/:a.md"]))).toBe(true);
    expect(hasReaderState("a.md", storageOf(["live-lesson:b.md", "live-lesson-theme", "live-lesson:learner:/", "other:a.md"]))).toBe(false);
    expect(hasReaderState("a.md", () => undefined)).toBe(false);
  });

  it("counts storage that cannot be read as holding something", () => {
    const refused = () => {
      throw new Error("SecurityError");
    };
    expect(hasReaderState("a.md", refused)).toBe(true);
  });
});

describe("installWhenIdle", () => {
  it("installs at the first idle moment after the lesson settles, once, and idle() waits for it", async () => {
    const page = createPage();
    let installs = 0;
    installWhenIdle(page.handle, page.view, () => void installs++);
    let idle = false;
    void page.api.idle().then(() => (idle = true));
    page.idle(); // Nothing asked yet: the lesson has not settled.
    await Promise.resolve();
    expect(installs).toBe(0);
    page.settle();
    await new Promise((resolve) => setTimeout(resolve));
    expect([installs, idle]).toEqual([0, false]);
    page.idle();
    await new Promise((resolve) => setTimeout(resolve));
    expect([installs, idle]).toEqual([1, true]);
    page.view.document.body.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true }));
    expect(installs).toBe(1);
  });

  it("installs at the reader's first key press, and what it installs hears that press", () => {
    const page = createPage();
    const listing = page.view.document.createElement("pre");
    page.view.document.body.append(listing);
    const heard: string[] = [];
    installWhenIdle(page.handle, page.view, () => listing.addEventListener("keydown", (event) => heard.push((event as KeyboardEvent).key)));
    listing.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    expect(heard).toEqual(["Enter"]);
    listing.remove();
  });
});

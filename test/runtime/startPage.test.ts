// startPage with stand-ins for the page, the runtime and Vite's hot context: mount once, update on
// every later run of the module, editors and theme toggle installed once, type warnings asked once.
import { describe, expect, it } from "vitest";
import type { TypeWarnings } from "../../src/runtime/hotEvents.ts";
import { startIndexPage } from "../../src/runtime/startIndexPage.ts";
import { startPage, type PageEnvironment, type PageHot, type PageStart } from "../../src/runtime/startPage.ts";
import type { LessonHandle, LessonModule } from "../../src/runtime/types.ts";
import type { Diagnostic } from "../../src/contract/diagnostic.ts";

type Lesson = PageStart["lesson"];

const lesson = (title: string, html?: string): Lesson => ({
  file: "a.md",
  title,
  ...(html === undefined ? {} : { html }),
  cells: [],
  diagnostics: [],
  modules: {},
});

/** A page with `main#lesson` (holding `html`, with `attributes`) and a theme button, and a log of what startPage did. */
function createPage(html = "<p>from the page</p>", attributes: string[] = []) {
  const log: string[] = [];
  const warnings: Diagnostic[][] = [];
  const root = { innerHTML: html, hasAttribute: (name: string) => attributes.includes(name) } as unknown as HTMLElement;
  const toggle = {} as HTMLElement;
  const handle = {
    update: (module: LessonModule) => void log.push(`update ${module.title}`),
    setWarnings: (list: Diagnostic[]) => void warnings.push(list),
  } as unknown as LessonHandle;
  const environment: PageEnvironment = {
    document: {
      getElementById: (id: string) => (id === "lesson" ? root : null),
      querySelector: (selector: string) => (selector === "[data-theme-toggle]" ? toggle : null),
      body: {} as HTMLElement,
    } as unknown as PageEnvironment["document"],
    mount(module, at) {
      log.push(`mount ${module.title} with ${module.html} in ${at === root ? "main#lesson" : "another element"}`);
      return handle;
    },
    installToggle: (button) => void log.push(button === toggle ? "toggle" : "another toggle"),
  };
  const editors = (handle: LessonHandle, options: { lessonKey: string }) => {
    log.push(`editors for ${options.lessonKey}`);
    return { refresh: () => void log.push("refresh editors") };
  };
  return { log, warnings, environment, editors };
}

/** A stand-in for `import.meta.hot`: one `data` across versions, listeners and messages recorded. */
function createHot() {
  const listeners: ((data: TypeWarnings) => void)[] = [];
  const sent: unknown[] = [];
  const data: Record<string, unknown> = {};
  const version = (): PageHot => ({ data, on: (_event, listener) => void listeners.push(listener), send: (_event, message) => void sent.push(message) });
  return { version, listeners, sent };
}

describe("startPage", () => {
  it("mounts the lesson in main#lesson, with its editors and the theme toggle", () => {
    const page = createPage();
    startPage({ lesson: lesson("One", "<p>embedded</p>"), installEditors: page.editors }, page.environment);
    expect(page.log).toEqual(["toggle", "mount One with <p>embedded</p> in main#lesson", "editors for a.md"]);
  });

  it("installs learning with the lesson's file, title, learning data and cells, and again after a hot update", () => {
    const page = createPage();
    const hot = createHot();
    const installed: string[] = [];
    const installLearning = (_handle: LessonHandle, options: { file: string; title: string; learning: { version: string } }) => {
      installed.push(`${options.file} ${options.title} ${options.learning.version}`);
      return { destroy: () => void installed.push("destroy") };
    };
    startPage({ lesson: lesson("One", ""), hot: hot.version(), learning: { version: "v1" }, installLearning }, page.environment);
    startPage({ lesson: lesson("Two", ""), hot: hot.version(), learning: { version: "v2" }, installLearning }, page.environment);
    expect(installed).toEqual(["a.md One v1", "destroy", "a.md Two v2"]);
  });

  it("takes the lesson body from the page when the module leaves it out (built pages)", () => {
    const page = createPage("<p>built</p>");
    startPage({ lesson: lesson("One") }, page.environment);
    expect(page.log).toContain("mount One with <p>built</p> in main#lesson");
  });

  it("on a built page, puts the editors and the learning side off until installLater runs them", () => {
    const page = createPage("<p>built</p>");
    const later: (() => void)[] = [];
    page.environment.installLater = (_handle, file, install) => (page.log.push(`later for ${file}`), later.push(install), true);
    const installLearning = () => (page.log.push("learning"), { destroy: () => undefined });
    startPage({ lesson: lesson("One"), installEditors: page.editors, learning: {}, installLearning }, page.environment);
    expect(page.log).toEqual(["toggle", "mount One with <p>built</p> in main#lesson", "later for a.md"]);
    later[0]!();
    expect(page.log.slice(3)).toEqual(["editors for a.md", "learning"]);
  });

  it("installs them at once when installLater declines (the reader has something saved), and on pages that may not wait", () => {
    const declined = createPage("<p>built</p>");
    declined.environment.installLater = () => false;
    startPage({ lesson: lesson("One"), installEditors: declined.editors }, declined.environment);
    expect(declined.log.at(-1)).toBe("editors for a.md");
    // The dev server's page (it embeds its HTML), and a built page whose student is meant to type at once.
    const asked: string[] = [];
    for (const start of [{ lesson: lesson("Dev", "<p>dev</p>") }, { lesson: { ...lesson("Exercises"), exercises: [{ id: "e" }] } }]) {
      const page = createPage();
      page.environment.installLater = () => (asked.push(start.lesson.title), true);
      const installExercises = () => (page.log.push("exercises"), { destroy: () => undefined });
      startPage({ ...start, installEditors: page.editors, installExercises } as PageStart, page.environment);
      expect(page.log.filter((line) => !line.startsWith("toggle") && !line.startsWith("mount"))).toEqual(start.lesson.title === "Dev" ? ["editors for a.md"] : ["editors for a.md", "exercises"]);
    }
    expect(asked).toEqual([]);
  });

  it("on a hot update, hands the new lesson to the mounted one and refreshes the editors", () => {
    const page = createPage();
    const hot = createHot();
    startPage({ lesson: lesson("One", ""), hot: hot.version(), installEditors: page.editors }, page.environment);
    startPage({ lesson: lesson("Two", ""), hot: hot.version(), installEditors: page.editors }, page.environment);
    expect(page.log).toEqual(["toggle", "mount One with  in main#lesson", "editors for a.md", "update Two", "refresh editors"]);
  });

  it("asks the dev server for type warnings once, when the page says so, and shows those of its lesson", () => {
    const page = createPage("", ["data-type-warnings"]);
    const hot = createHot();
    startPage({ lesson: lesson("One", ""), hot: hot.version() }, page.environment);
    startPage({ lesson: lesson("Two", ""), hot: hot.version() }, page.environment);
    expect(hot.sent).toEqual([{ file: "a.md" }]);
    const warning: Diagnostic = { severity: "warning", code: "type", message: "m", line: 1, column: 1 };
    hot.listeners.at(-1)!({ file: "other.md", diagnostics: [warning] });
    hot.listeners.at(-1)!({ file: "a.md", diagnostics: [warning] });
    expect(page.warnings).toEqual([[warning]]);
  });

  it("asks for no type warnings on a page that does not say so", () => {
    const page = createPage();
    const hot = createHot();
    startPage({ lesson: lesson("One", ""), hot: hot.version() }, page.environment);
    expect(hot.sent).toEqual([]);
    expect(hot.listeners).toEqual([]);
  });
});

describe("startIndexPage", () => {
  it("does nothing on a page without a theme button", () => {
    const asked: string[] = [];
    startIndexPage({ querySelector: (selector: string) => (asked.push(selector), null) } as unknown as Document);
    expect(asked).toEqual(["[data-theme-toggle]"]);
  });
});

// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { installEditors } from "../../src/editor/installEditors.ts";
import { storageKey } from "../../src/editor/storage.ts";
import { decodeSaved, encodeSaved } from "../../src/editor/saved.ts";
import { createFakeHandle, defineLesson, fakeCodeMirror, MemoryStorage, renderListings } from "./editorFixture.ts";

const codeMirror = fakeCodeMirror();
vi.mock("../../src/editor/codemirror.ts", () => codeMirror);
const editorAt = (line: number) => codeMirror.editors.findLast((editor) => editor.options.label === `Edit cell at line ${line}`)!;

function install(storage = new MemoryStorage()) {
  const cells = defineLesson();
  const root = renderListings(cells);
  const handle = createFakeHandle(cells);
  const controller = installEditors(handle, { lessonKey: "lesson.md", authorCells: cells, root, storage, autoRunDelay: 0 });
  return { cells, root, handle, controller, storage };
}

describe("installEditors", () => {
  it("puts the bar and an editor on every editable cell, and restores saved edits before ready", async () => {
    const storage = new MemoryStorage();
    storage.setItem(storageKey("lesson.md"), encodeSaved({ version: 1, lesson: "lesson.md", cells: { c7: { source: "const y = w * 4;", authorSource: "const y = w * 3;", savedAt: 1 } } }));
    const { root, handle, controller } = install(storage);
    await controller.ready;
    // After the lesson, not before its title.
    expect(root.lastElementChild?.className).toBe("lesson-edits");
    expect([...root.querySelectorAll("[data-editor]")].map((e) => e.getAttribute("data-editor"))).toEqual(["c3", "c7", "c11"]);
    expect(handle.redefined.map((d) => d.source)).toEqual(["const y = w * 4;"]);
    expect(document.querySelectorAll("style[data-live-lesson-editor]").length).toBe(1);
  });

  it("runs, saves, resets and resets all through the controller", async () => {
    const { root, controller, storage } = install();
    await controller.ready;
    expect(await controller.run("missing")).toBe(false);
    expect(await controller.run("c7")).toBe(true); // The author's own text: a reset, nothing saved.
    expect(storage.getItem(storageKey("lesson.md"))).toBeNull();
    // Type as a reader would: through the editor.
    root.querySelector<HTMLElement>('[data-source-for="c11"]')!.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true }));
    await expect.poll(() => codeMirror.editors.length).toBeGreaterThan(0);
    editorAt(11).setText("y + 2");
    expect(await controller.run("c11")).toBe(true);
    expect(decodeSaved(storage.getItem(storageKey("lesson.md"))!, "lesson.md")).toMatchObject({ ok: true, state: { cells: { c11: { source: "y + 2" } } } });
    await controller.reset("c11");
    expect(storage.getItem(storageKey("lesson.md"))).toBeNull();
    editorAt(11).setText("y + 3");
    await controller.run("c11");
    await controller.resetAll();
    expect(storage.getItem(storageKey("lesson.md"))).toBeNull();
    expect(root.querySelector(".lesson-edits-notice")?.textContent).toBe("All edits were reset to the author's version.");
  });

  it("refreshes for the same handle and root, keeping unrun typing, and starts over for a new handle", async () => {
    const { cells, root, handle, controller } = install();
    await controller.ready;
    root.querySelector<HTMLElement>('[data-source-for="c7"]')!.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true }));
    await expect.poll(() => root.querySelector('[data-editor="c7"] .cm-editor')).not.toBeNull();
    editorAt(7).setText("const y = w * 8;");
    const editors = codeMirror.editors.length;
    const again = installEditors(handle, { lessonKey: "lesson.md", authorCells: cells, root, storage: null });
    expect(again).toBe(controller);
    await again.ready;
    // CodeMirror is loaded: the open editor comes back at once, with the draft in it.
    expect(codeMirror.editors.length).toBeGreaterThan(editors);
    expect(editorAt(7).text()).toBe("const y = w * 8;");
    expect(root.querySelectorAll(".lesson-edits").length).toBe(1);

    const other = installEditors(createFakeHandle(cells), { lessonKey: "lesson.md", authorCells: cells, root, storage: null });
    expect(other).not.toBe(controller);
    await other.ready;
    expect(root.querySelectorAll(".lesson-edits").length).toBe(1);
    other.destroy();
    expect(root.querySelector(".lesson-edits, [data-editor]")).toBeNull();
  });
  it("says saved edits could not be applied (not a share link) when restoring them fails, and keeps them", async () => {
    const storage = new MemoryStorage();
    const saved = encodeSaved({ version: 1, lesson: "lesson.md", cells: { c7: { source: "const y = w * 4;", authorSource: "const y = w * 3;", savedAt: 1 } } });
    storage.setItem(storageKey("lesson.md"), saved);
    const cells = defineLesson();
    const root = renderListings(cells);
    const handle = createFakeHandle(cells);
    handle.redefine = () => Promise.reject(new Error("the runtime is gone"));
    const controller = installEditors(handle, { lessonKey: "lesson.md", authorCells: cells, root, storage, autoRunDelay: 0 });
    await controller.ready;
    const notice = root.querySelector(".lesson-edits-notice")?.textContent ?? "";
    expect(notice).toMatch(/saved edits could not all be applied/);
    expect(notice).not.toMatch(/share link/);
    expect(storage.getItem(storageKey("lesson.md"))).toBe(saved);
  });
});

// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { installEditors } from "../../src/editor/installEditors.ts";
import { DRAFT_BACK, DRAFT_SAVE_DELAY_MS } from "../../src/editor/keepDrafts.ts";
import { decodeSaved } from "../../src/editor/saved.ts";
import { draftsKey, storageKey } from "../../src/editor/storage.ts";
import { createFakeHandle, defineLesson, fakeCodeMirror, MemoryStorage, renderListings } from "./editorFixture.ts";

const codeMirror = fakeCodeMirror();
vi.mock("../../src/editor/codemirror.ts", () => codeMirror);
const editorAt = (line: number) => codeMirror.editors.findLast((editor) => editor.options.label === `Edit cell at line ${line}`)!;

/** A page load: the lesson's listings, a fresh runtime handle, the editors over `storage`. */
function load(storage: MemoryStorage) {
  const cells = defineLesson();
  const root = renderListings(cells);
  const handle = createFakeHandle(cells);
  const controller = installEditors(handle, { lessonKey: "lesson.md", authorCells: cells, root, storage, autoRunDelay: 0 });
  return { root, handle, controller };
}

/** Types `text` into the cell at `line` as a reader would: the listing is reached, then the editor changes. */
async function type(root: HTMLElement, line: number, text: string): Promise<void> {
  root.querySelector<HTMLElement>(`[data-source-for="c${line}"]`)!.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true }));
  await expect.poll(() => root.querySelector(`[data-editor="c${line}"] .cm-editor`)).not.toBeNull();
  editorAt(line).setText(text);
}

const drafts = (storage: MemoryStorage) => {
  const text = storage.getItem(draftsKey("lesson.md"));
  return text === null ? null : decodeSaved(text, "lesson.md", "drafts");
};

describe("unfinished edits", () => {
  it("come back after a reload, in their editor, marked as not run, and never run by themselves", async () => {
    const storage = new MemoryStorage();
    const first = load(storage);
    await first.controller.ready;
    await type(first.root, 7, "const y = w *");
    // Within the pause nothing is written yet; leaving the page writes it at once.
    expect(storage.getItem(draftsKey("lesson.md"))).toBeNull();
    window.dispatchEvent(new Event("pagehide"));
    expect(drafts(storage)).toMatchObject({ ok: true, state: { cells: { c7: { source: "const y = w *", authorSource: "const y = w * 3;" } } } });
    // A draft is not an edit: nothing runs it, and the edits' key holds nothing.
    expect(storage.getItem(storageKey("lesson.md"))).toBeNull();
    expect(decodeSaved(storage.getItem(draftsKey("lesson.md"))!, "lesson.md")).toEqual({ ok: false, problem: "corrupt" });
    first.controller.destroy();

    const second = load(storage);
    await second.controller.ready;
    expect(second.root.querySelector('[data-source-for="c7"]')?.textContent).toContain("const y = w *");
    expect(second.root.querySelector('[data-editor="c7"] .cell-editor-status')?.textContent).toBe(DRAFT_BACK);
    expect(second.handle.redefined).toEqual([]);

    // Reset puts the author's version back and forgets the draft.
    await second.controller.reset("c7");
    expect(storage.getItem(draftsKey("lesson.md"))).toBeNull();
    second.controller.destroy();
  });

  it("are written a moment after typing stops, and forgotten once the text runs or is typed back", async () => {
    const storage = new MemoryStorage();
    const { root, controller } = load(storage);
    await controller.ready;
    await type(root, 11, "y +");
    await vi.waitFor(() => expect(drafts(storage)).toMatchObject({ ok: true, state: { cells: { c11: { source: "y +" } } } }), { timeout: DRAFT_SAVE_DELAY_MS * 10 });
    // Typed back to what the cell runs: no draft.
    editorAt(11).setText("y + 1");
    await vi.waitFor(() => expect(storage.getItem(draftsKey("lesson.md"))).toBeNull(), { timeout: DRAFT_SAVE_DELAY_MS * 10 });
    // Run: the text is now the cell's saved edit, not a draft.
    editorAt(11).setText("y + 2");
    window.dispatchEvent(new Event("pagehide"));
    expect(drafts(storage)).toMatchObject({ ok: true });
    expect(await controller.run("c11")).toBe(true);
    expect(storage.getItem(draftsKey("lesson.md"))).toBeNull();
    expect(decodeSaved(storage.getItem(storageKey("lesson.md"))!, "lesson.md")).toMatchObject({ ok: true, state: { cells: { c11: { source: "y + 2" } } } });
    controller.destroy();
  });

  it("are dropped by Reset all, editors back to the author's version", async () => {
    const storage = new MemoryStorage();
    const { root, controller } = load(storage);
    await controller.ready;
    await type(root, 7, "const y = (");
    window.dispatchEvent(new Event("pagehide"));
    await controller.resetAll();
    expect(storage.getItem(draftsKey("lesson.md"))).toBeNull();
    expect(editorAt(7).text()).toBe("const y = w * 3;");
    controller.destroy();
  });

  it("that cannot be read are set aside with a notice, and the page still loads", async () => {
    const storage = new MemoryStorage();
    storage.setItem(draftsKey("lesson.md"), "{not json");
    const { root, controller, handle } = load(storage);
    await controller.ready;
    expect(root.querySelector(".lesson-edits-notice")?.textContent).toBe("Unfinished edits saved for this lesson could not be read and were set aside.");
    expect(storage.getItem(`${draftsKey("lesson.md")}:refused`)).toBe("{not json");
    expect(handle.redefined).toEqual([]);
    controller.destroy();
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { persistEdits } from "../../src/editor/persistEdits.ts";
import { decodeSaved } from "../../src/editor/saved.ts";
import { storageKey } from "../../src/editor/storage.ts";
import { createFixture, MemoryStorage } from "./editorFixture.ts";

const edit = { source: "const y = 1;", authorSource: "const y = w * 3;", savedAt: 1 };
const resetAllButton = (root: HTMLElement) => [...root.querySelectorAll("button")].find((b) => b.textContent === "Reset all edits")!;

describe("persistEdits", () => {
  it("writes the edits to storage and enables Reset all", () => {
    const storage = new MemoryStorage();
    const { state, root } = createFixture({ storage });
    state.saved.cells.c7 = edit;
    persistEdits(state);
    expect(decodeSaved(storage.getItem(storageKey("lesson.md"))!, "lesson.md")).toMatchObject({ ok: true, state: { cells: { c7: edit } } });
    expect(resetAllButton(root).disabled).toBe(false);
    state.saved.cells = {};
    persistEdits(state);
    expect(storage.getItem(storageKey("lesson.md"))).toBeNull();
    expect(resetAllButton(root).disabled).toBe(true);
  });

  it("tells the reader once when storage is full", () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw Object.assign(new Error("full"), { name: "QuotaExceededError" });
    };
    const { state, root } = createFixture({ storage });
    const notices: string[] = [];
    const notify = state.bar.notify;
    state.bar.notify = (text) => (notices.push(text), notify(text));
    state.saved.cells.c7 = edit;
    persistEdits(state);
    persistEdits(state);
    expect(notices).toEqual(["Browser storage is full: your edits are kept until you leave this page, but not saved."]);
    expect(root.querySelector(".lesson-edits-notice")?.textContent).toMatch(/storage is full/);
  });

  it("writes nothing when edits live in memory by choice", () => {
    const { state, root } = createFixture({ storage: null });
    state.saved.cells.c7 = edit;
    persistEdits(state);
    expect(root.querySelector(".lesson-edits-notice")?.textContent).toBe("");
    expect(resetAllButton(root).disabled).toBe(false);
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { encodeSaved } from "../../src/editor/saved.ts";
import { storageKey, type EditStorage } from "../../src/editor/storage.ts";
import { createFixture, MemoryStorage } from "./editorFixture.ts";

const edit = { source: "const y = w * 4;", authorSource: "const y = w * 3;", savedAt: 1, index: 1, outputs: ["y"] };

describe("createEditorState", () => {
  it("loads the lesson's saved edits from storage", () => {
    const storage = new MemoryStorage();
    storage.setItem(storageKey("lesson.md"), encodeSaved({ version: 1, lesson: "lesson.md", cells: { c7: edit } }));
    const { state, notice } = createFixture({ storage });
    expect(state.saved.cells).toEqual({ c7: edit });
    expect(state.persists).toBe(true);
    expect(notice).toBeUndefined();
  });

  it("keeps edits in memory without a word when storage is null", () => {
    const { state, notice } = createFixture({ storage: null });
    expect(state).toMatchObject({ persists: false, storage: undefined, saved: { cells: {} }, autoRunDelay: 800 });
    expect(notice).toBeUndefined();
  });

  it("starts empty with a notice when saved edits cannot be read", () => {
    const storage = new MemoryStorage();
    storage.setItem(storageKey("lesson.md"), "{not json");
    const { state, notice } = createFixture({ storage });
    expect(state.saved.cells).toEqual({});
    expect(notice).toMatch(/could not be read/);
  });

  it("says so when the browser refuses storage", () => {
    const refusing: EditStorage = {
      getItem: () => {
        throw Object.assign(new Error("denied"), { name: "SecurityError" });
      },
      setItem: () => undefined,
      removeItem: () => undefined,
    };
    expect(createFixture({ storage: refusing }).notice).toMatch(/does not let the page save/);
  });
});

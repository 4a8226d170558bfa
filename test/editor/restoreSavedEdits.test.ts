// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { mountCells } from "../../src/editor/mountCells.ts";
import { restoreSavedEdits } from "../../src/editor/restoreSavedEdits.ts";
import type { SavedEdit } from "../../src/editor/saved.ts";
import { createFixture, defineLesson } from "./editorFixture.ts";

const edit = (source: string, authorSource: string, more: Partial<SavedEdit> = {}): SavedEdit => ({ source, authorSource, savedAt: 1, ...more });

describe("restoreSavedEdits", () => {
  it("shows each saved edit in its cell at once and runs it", async () => {
    const { state, handle, root } = createFixture();
    state.saved.cells.c7 = edit("const y = w * 4;", "const y = w * 3;");
    mountCells(state);
    const restored = restoreSavedEdits(state);
    // Synchronously, before the builder loads: drafts restored next must win over it.
    expect(state.slots.get("c7")!.editor.text()).toBe("const y = w * 4;");
    await restored;
    expect(handle.redefined.map((d) => [d.id, d.source])).toEqual([["c7", "const y = w * 4;"]]);
    expect(root.querySelector('[data-editor="c7"]')?.classList.contains("cell-edited")).toBe(true);
  });

  it("finds an edit's cell again after the author changed it, flags the change, and saves it under the new id", async () => {
    const cells = defineLesson();
    cells[1] = { ...cells[1]!, id: "c7-new", source: "const y = w * 30;" };
    const { state, root } = createFixture({ cells });
    state.saved.cells.c7 = edit("const y = w * 4;", "const y = w * 3;", { index: 1, outputs: ["y"] });
    mountCells(state);
    await restoreSavedEdits(state);
    expect(Object.keys(state.saved.cells)).toEqual(["c7-new"]);
    expect(root.querySelector('[data-editor="c7-new"] .cell-author-changed')?.hasAttribute("hidden")).toBe(false);
  });

  it("opens a hidden cell that holds an edit", async () => {
    const { state, root } = createFixture({ hidden: ["c7"] });
    state.saved.cells.c7 = edit("const y = w * 4;", "const y = w * 3;");
    mountCells(state);
    await restoreSavedEdits(state);
    expect(root.querySelector("details")?.open).toBe(true);
  });

  it("keeps an edit that matches no cell and says so", async () => {
    const { state, handle, root } = createFixture();
    state.saved.cells.gone = edit("const q = 1;", "const q = 0;", { index: 40, outputs: ["q"] });
    mountCells(state);
    await restoreSavedEdits(state);
    expect(Object.keys(state.saved.cells)).toEqual(["gone"]);
    expect(root.querySelector(".lesson-edits-notice")?.textContent).toBe(
      "1 saved edit no longer matches a cell of this lesson; kept until you reset all edits.",
    );
    expect(handle.redefined).toEqual([]);
  });

  it("shows why a saved edit no longer builds and leaves the author's version running", async () => {
    const { state, handle, root } = createFixture();
    state.saved.cells.c11 = edit("const w = 1;", "y + 1");
    mountCells(state);
    await restoreSavedEdits(state);
    expect(handle.redefined).toEqual([]);
    expect(root.querySelector('[data-editor="c11"] .cell-error')?.textContent).toMatch(/w/);
    expect(state.slots.get("c11")!.problems).toBe("build");
  });
});

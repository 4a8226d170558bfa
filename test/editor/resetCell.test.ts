// @vitest-environment happy-dom
import { expect, it } from "vitest";
import { mountCells } from "../../src/editor/mountCells.ts";
import { recordEdit } from "../../src/editor/recordEdit.ts";
import { resetCell } from "../../src/editor/resetCell.ts";
import { runEdit } from "../../src/editor/runEdit.ts";
import { createFixture } from "./editorFixture.ts";

it("forgets the edit, shows and runs the author's version again", async () => {
  const { state, handle, root, cells } = createFixture();
  mountCells(state);
  const slot = state.slots.get("c7")!;
  slot.editor.setText("const y = w * 4;");
  expect(await runEdit(state, slot, "const y = w * 4;")).toBe(true);
  slot.view.showProblems(["stale"]);
  await resetCell(state, slot);
  expect(state.saved.cells).toEqual({});
  expect(slot.editor.text()).toBe("const y = w * 3;");
  expect(handle.redefined.at(-1)).toBe(cells[1]);
  expect(root.querySelector('[data-editor="c7"]')?.classList.contains("cell-edited")).toBe(false);
  expect(root.querySelector('[data-editor="c7"] .cell-error')).toBeNull();
});

it("does not rerun a cell whose author version is already running", async () => {
  const { state, handle } = createFixture();
  mountCells(state);
  const slot = state.slots.get("c7")!;
  recordEdit(state, slot, "const y = 0;"); // Saved but never run.
  await resetCell(state, slot);
  expect(state.saved.cells).toEqual({});
  expect(handle.redefined).toEqual([]);
});

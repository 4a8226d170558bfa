// @vitest-environment happy-dom
import { expect, it } from "vitest";
import { mountCells } from "../../src/editor/mountCells.ts";
import { recordEdit } from "../../src/editor/recordEdit.ts";
import { createFixture } from "./editorFixture.ts";

it("saves the edit with its cell's place and outputs, keeping the author's version first edited", () => {
  const { state, root } = createFixture();
  mountCells(state);
  const slot = state.slots.get("c7")!;
  recordEdit(state, slot, "const y = w * 4;");
  expect(state.saved.cells.c7).toMatchObject({ source: "const y = w * 4;", authorSource: "const y = w * 3;", index: 1, outputs: ["y"] });
  expect(root.querySelector('[data-editor="c7"]')?.classList.contains("cell-edited")).toBe(true);
  slot.author = { ...slot.author, source: "const y = w * 5;" };
  recordEdit(state, slot, "const y = w * 6;");
  expect(state.saved.cells.c7).toMatchObject({ source: "const y = w * 6;", authorSource: "const y = w * 3;" });
});

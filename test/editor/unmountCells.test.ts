// @vitest-environment happy-dom
import { expect, it } from "vitest";
import { mountCells } from "../../src/editor/mountCells.ts";
import { unmountCells } from "../../src/editor/unmountCells.ts";
import { createFixture } from "./editorFixture.ts";

it("takes every editor down and keeps only typing that was neither run nor saved", () => {
  const { state, root } = createFixture();
  state.saved.cells.c11 = { source: "y + 2", authorSource: "y + 1", savedAt: 1 };
  mountCells(state);
  state.slots.get("c3")!.editor.setText("const w = 3;"); // Typed, not run: a draft.
  state.slots.get("c7")!.editor.setText("const y = w * 3;  "); // The author's, give or take spaces.
  state.slots.get("c11")!.editor.setText("y + 2"); // The saved edit.
  unmountCells(state);
  expect([...state.drafts]).toEqual([["c3", "const w = 3;"]]);
  expect(state.slots.size).toBe(0);
  expect(root.querySelector("[data-editor]")).toBeNull();
  expect(root.querySelector('[data-source-for="c3"]')?.textContent).toBe("const w: number = view(Inputs.range([0, 4], {value: 2}));");
});

// @vitest-environment happy-dom
import { expect, it } from "vitest";
import { mountCells } from "../../src/editor/mountCells.ts";
import { showProblems } from "../../src/editor/showProblems.ts";
import { createFixture } from "./editorFixture.ts";

it("shows problems under the cell, remembers their kind, and clears them", () => {
  const { state, root } = createFixture();
  mountCells(state);
  const slot = state.slots.get("c7")!;
  showProblems(slot, "build", ["Line 1, column 3: oops"]);
  expect(slot.problems).toBe("build");
  expect(root.querySelector('[data-editor="c7"] .cell-error')?.textContent).toBe("Line 1, column 3: oops");
  showProblems(slot, "runtime", []);
  expect(slot.problems).toBeUndefined();
  expect(root.querySelector('[data-editor="c7"] .cell-error')).toBeNull();
});

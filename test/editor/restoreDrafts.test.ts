// @vitest-environment happy-dom
import { expect, it } from "vitest";
import { mountCells } from "../../src/editor/mountCells.ts";
import { restoreDrafts } from "../../src/editor/restoreDrafts.ts";
import { createFixture } from "./editorFixture.ts";

it("puts each draft back in its cell, drops drafts of cells that are gone, and forgets them", () => {
  const { state } = createFixture();
  state.drafts.set("c7", "const y = w * 9;");
  state.drafts.set("gone", "const q = 1;");
  mountCells(state);
  restoreDrafts(state);
  expect(state.slots.get("c7")!.editor.text()).toBe("const y = w * 9;");
  expect(state.drafts.size).toBe(0);
});

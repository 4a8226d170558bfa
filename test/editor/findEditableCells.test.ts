import { expect, it } from "vitest";
import { findEditableCells } from "../../src/editor/findEditableCells.ts";
import { defineCell } from "./editorFixture.ts";

it("keeps the block cells that run and that the author left editable, in order", () => {
  const cells = [
    defineCell("const a = 1;", 1),
    defineCell("const b = 2;", 2, { editable: false }),
    defineCell("c()", 3, { run: false }),
    { ...defineCell("a + 1", 4), inline: true },
    defineCell("const d = a;", 5),
  ];
  expect(findEditableCells(cells).map((cell) => cell.line)).toEqual([1, 5]);
});

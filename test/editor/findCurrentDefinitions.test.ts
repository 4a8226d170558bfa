import { expect, it } from "vitest";
import { findCurrentDefinitions } from "../../src/editor/findCurrentDefinitions.ts";
import { createFakeHandle, defineLesson } from "./editorFixture.ts";

it("lists every running cell as the runtime defines it now, edits included", async () => {
  const authorCells = defineLesson();
  const handle = createFakeHandle(authorCells);
  const edited = { ...authorCells[1]!, source: "const y = w * 4;" };
  await handle.redefine(edited);
  const current = findCurrentDefinitions({ authorCells, handle });
  expect(current.map((d) => d.line)).toEqual([3, 7, 11, 15]); // The run=false listing is left out.
  expect(current[1]).toBe(edited);
});

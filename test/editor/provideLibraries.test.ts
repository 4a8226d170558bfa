import { expect, it } from "vitest";
import { provideLibraries } from "../../src/editor/provideLibraries.ts";
import { createFakeHandle } from "./editorFixture.ts";

it("asks the runtime for each library the edit reads, with the members it reads", async () => {
  const handle = createFakeHandle([]);
  await provideLibraries(handle, { Plot: ["dot", "line"], d3: null });
  expect(handle.provided).toEqual([
    ["Plot", ["dot", "line"]],
    ["d3", null],
  ]);
});

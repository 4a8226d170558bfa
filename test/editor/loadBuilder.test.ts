import { expect, it } from "vitest";
import * as build from "../../src/editor/build.ts";
import { loadBuilder } from "../../src/editor/loadBuilder.ts";

it("loads the edit builder once and hands back the module", async () => {
  const first = loadBuilder();
  expect(loadBuilder()).toBe(first);
  expect((await first).buildEdit).toBe(build.buildEdit);
});

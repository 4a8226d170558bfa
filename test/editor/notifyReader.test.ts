// @vitest-environment happy-dom
import { expect, it } from "vitest";
import { notifyReader } from "../../src/editor/notifyReader.ts";
import { createFixture } from "./editorFixture.ts";

it("shows the notice in the edits bar and remembers it", () => {
  const { state, root } = createFixture();
  notifyReader(state, "Share link copied.");
  expect(root.querySelector(".lesson-edits-notice")?.textContent).toBe("Share link copied.");
  expect(state.lastNotice).toBe("Share link copied.");
});

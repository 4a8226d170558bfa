// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { mountCells } from "../../src/editor/mountCells.ts";
import { openShareLink } from "../../src/editor/openShareLink.ts";
import { recordEdit } from "../../src/editor/recordEdit.ts";
import { encodeShare } from "../../src/editor/share.ts";
import { createFixture } from "./editorFixture.ts";

// The dialog is the reader's answer; here it answers as the test says.
const answer = vi.hoisted(() => ({ agree: true, asked: [] as unknown[] }));
vi.mock("../../src/editor/askToRunShared.ts", () => ({
  askToRunShared: async (_doc: Document, changes: unknown) => (answer.asked.push(changes), answer.agree),
}));

const notice = (root: HTMLElement) => root.querySelector(".lesson-edits-notice")?.textContent;

describe("openShareLink", () => {
  afterEach(() => {
    answer.asked.splice(0);
    history.replaceState(null, "", "/");
  });

  it("runs the link's edits and sets its inputs once the reader agrees, then clears the hash", async () => {
    const { state, handle, root } = createFixture();
    mountCells(state);
    location.hash = encodeShare({ v: 1, lesson: "lesson.md", cells: { c7: "const y = w * 5;" }, inputs: { w: 3 } })!;
    await openShareLink(state);
    expect(answer.asked).toEqual([{ cells: [{ line: 7, before: "const y = w * 3;", after: "const y = w * 5;" }], inputs: [{ name: "w", value: 3 }], ignored: [] }]);
    expect(handle.redefined.map((d) => d.source)).toEqual(["const y = w * 5;"]);
    expect(state.slots.get("c7")!.editor.text()).toBe("const y = w * 5;");
    expect(await handle.api.value("w")).toBe(3);
    expect(location.hash).toBe("");
    expect(notice(root)).toBe("Applied the shared edits.");
  });

  it("marks the code it ran as coming from a share link, in storage and on the cell, until the reader edits it", async () => {
    const { state, root } = createFixture();
    mountCells(state);
    location.hash = encodeShare({ v: 1, lesson: "lesson.md", cells: { c7: "const y = w * 5;" }, inputs: {} })!;
    await openShareLink(state);
    // Before: it became an ordinary saved edit, with no trace of where it came from.
    expect(state.saved.cells.c7).toMatchObject({ source: "const y = w * 5;", from: "link" });
    expect(root.querySelector('[data-editor="c7"] .cell-edited-badge')?.textContent).toBe("edited, from a share link");
    recordEdit(state, state.slots.get("c7")!, "const y = w * 6;");
    expect(state.saved.cells.c7!.from).toBeUndefined();
    expect(root.querySelector('[data-editor="c7"] .cell-edited-badge')?.textContent).toBe("edited");
  });

  it("runs nothing when the reader declines", async () => {
    answer.agree = false;
    const { state, handle, root } = createFixture();
    mountCells(state);
    location.hash = encodeShare({ v: 1, lesson: "lesson.md", cells: { c7: "const y = w * 5;" }, inputs: {} })!;
    await openShareLink(state);
    answer.agree = true;
    expect(handle.redefined).toEqual([]);
    expect(notice(root)).toBe("The shared code was not run.");
  });

  it("only tells the reader when the link is damaged", async () => {
    const { state, handle, root } = createFixture();
    mountCells(state);
    location.hash = "#share=%%%";
    await openShareLink(state);
    expect(answer.asked).toEqual([]);
    expect(handle.redefined).toEqual([]);
    expect(notice(root)).toMatch(/Nothing from it was run\.$/);
  });

  it("does nothing without a link", async () => {
    const { state, root } = createFixture();
    mountCells(state);
    await openShareLink(state);
    expect(answer.asked).toEqual([]);
    expect(notice(root)).toBe("");
  });
});

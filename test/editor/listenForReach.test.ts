// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { listenForReach } from "../../src/editor/listenForReach.ts";
import { mountCells } from "../../src/editor/mountCells.ts";
import { createFixture, fakeCodeMirror } from "./editorFixture.ts";

const codeMirror = fakeCodeMirror();
vi.mock("../../src/editor/codemirror.ts", () => codeMirror);

const listing = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`[data-source-for="${id}"]`)!;
const opened = (root: HTMLElement) => [...root.querySelectorAll(".cm-editor")].map((e) => e.closest("[data-editor]")!.getAttribute("data-editor"));

describe("listenForReach", () => {
  afterEach(() => codeMirror.editors.splice(0));

  it("puts the editor in, focused, when the reader presses on a listing", async () => {
    const { state, root } = createFixture();
    mountCells(state);
    const stop = listenForReach(state);
    listing(root, "c7").querySelector("span")!.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true }));
    await expect.poll(() => opened(root)).toEqual(["c7"]);
    expect(codeMirror.editors[0]!.focused).toBe(true);
    stop();
    listing(root, "c3").dispatchEvent(new PointerEvent("pointerdown", { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(opened(root)).toEqual(["c7"]);
  });

  it("opens a hidden cell's editor when the reader opens its listing, not when the page inserts it", async () => {
    const { state, root } = createFixture({ hidden: ["c7"] });
    mountCells(state);
    listenForReach(state);
    const details = root.querySelector("details")!;
    details.open = true;
    await expect.poll(() => opened(root)).toEqual(["c7"]);

    const shown = createFixture();
    mountCells(shown.state);
    listenForReach(shown.state);
    // An open listing that fires "toggle" (as inserting an open <details> does) is not a reach.
    shown.root.querySelector('[data-source-for="c3"]')!.dispatchEvent(new Event("toggle"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(opened(shown.root)).toEqual([]);
  });

  it("does not focus the editor when the reader only tabs onto the cell's buttons", async () => {
    const { state, root } = createFixture();
    mountCells(state);
    listenForReach(state);
    root.querySelector<HTMLButtonElement>('[data-editor="c7"] button')!.dispatchEvent(new FocusEvent("focusin", { bubbles: true }));
    await expect.poll(() => opened(root)).toEqual(["c7"]);
    expect(codeMirror.editors[0]!.focused).toBe(false);
  });

  it("starts the type checker when the cursor goes in a cell's code, not when the editor only opens", async () => {
    const { state, root } = createFixture();
    const prepared: string[] = [];
    state.typeHelp = { prepare: (id) => prepared.push(id), changed: () => {}, destroy: () => {} };
    mountCells(state);
    listenForReach(state);
    root.querySelector<HTMLButtonElement>('[data-editor="c7"] button')!.dispatchEvent(new FocusEvent("focusin", { bubbles: true }));
    await expect.poll(() => opened(root)).toEqual(["c7"]);
    expect(prepared).toEqual([]);
    const content = root.ownerDocument.createElement("div");
    content.className = "cm-content";
    root.querySelector('[data-editor="c7"] .cm-editor')!.append(content);
    content.dispatchEvent(new FocusEvent("focusin", { bubbles: true }));
    expect(prepared).toEqual(["c7"]);
  });

  it("with preload idle, puts the editors in without any reach", async () => {
    const { state, root } = createFixture();
    mountCells(state);
    listenForReach(state, "idle");
    await expect.poll(() => opened(root), { timeout: 3000 }).toEqual(["c3", "c7", "c11"]);
  });
});

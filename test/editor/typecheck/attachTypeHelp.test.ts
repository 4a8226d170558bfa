// @vitest-environment happy-dom
// An exercise's editor attached to the type help: its code is one of the lesson's cells for the
// checker, the cursor in it starts the checker, and its changes are checked.
import type { EditorView } from "@codemirror/view";
import { describe, expect, it } from "vitest";
import type { CodeEditor } from "../../../src/editor/codemirror.ts";
import { attachTypeHelp } from "../../../src/editor/typecheck/attachTypeHelp.ts";
import { createTypeHelpHost } from "../../../src/editor/typecheck/createTypeHelpHost.ts";
import { createFixture } from "../editorFixture.ts";

/** An editor holding `text`, whose content element is `contentDOM`. */
function fakeEditor(text: string): CodeEditor {
  const contentDOM = document.createElement("div");
  return { text: () => text, setText: (next) => void (text = next), focus: () => {}, extend: () => {}, view: { contentDOM } as unknown as EditorView, destroy: () => {} };
}

describe("attachTypeHelp", () => {
  it("makes the editor's code a cell of the lesson for the checker, with its editor and list", () => {
    const { state } = createFixture();
    const host = createTypeHelpHost(state);
    const container = document.createElement("div");
    const editor = fakeEditor("const guess: number = y * 2;");
    const attachment = attachTypeHelp(state, editor, { id: "guess", lang: "ts", line: 30, column: 1, container });
    expect(host.cells().find((cell) => cell.id === "guess")).toEqual({ id: "guess", source: "const guess: number = y * 2;", lang: "ts", line: 30, column: 1, inline: false });
    const attached = host.editors().find((e) => e.id === "guess")!;
    expect(attached.container).toBe(container);
    expect(attached.code()).toBe(editor);
    expect(attached.edited()).toBe(false);
    attachment.changed();
    expect(attached.edited()).toBe(true);
    attachment.detach();
    expect(host.cells().some((cell) => cell.id === "guess")).toBe(false);
    expect(host.editors().some((e) => e.id === "guess")).toBe(false);
  });

  it("replaces the text of a lesson cell with the same id", () => {
    const { state } = createFixture();
    const host = createTypeHelpHost(state);
    attachTypeHelp(state, fakeEditor("const y = w * 4;"), { id: "c7", lang: "ts", line: 7, column: 1, container: document.createElement("div") });
    expect(host.cells().filter((cell) => cell.id === "c7").map((cell) => cell.source)).toEqual(["const y = w * 4;"]);
    expect(host.editors().filter((e) => e.id === "c7").map((e) => e.text())).toEqual(["const y = w * 4;"]);
  });

  it("starts the checker when the cursor goes in, and tells it of every change", () => {
    const { state } = createFixture();
    const calls: string[] = [];
    state.typeHelp = { prepare: (id) => calls.push(`prepare ${id}`), changed: (id) => calls.push(`changed ${id ?? ""}`), destroy: () => {} };
    const editor = fakeEditor("const guess = 1;");
    const attachment = attachTypeHelp(state, editor, { id: "guess", lang: "ts", line: 30, column: 1, container: document.createElement("div") });
    editor.view.contentDOM.dispatchEvent(new FocusEvent("focus"));
    attachment.changed();
    expect(calls).toEqual(["changed ", "prepare guess", "changed guess"]);
    attachment.detach();
    editor.view.contentDOM.dispatchEvent(new FocusEvent("focus"));
    expect(calls).toHaveLength(3);
  });
});

// @vitest-environment happy-dom
import { expect, it, vi } from "vitest";
import { mountCells } from "../../src/editor/mountCells.ts";
import { openCellEditor } from "../../src/editor/openCellEditor.ts";
import { unmountCells } from "../../src/editor/unmountCells.ts";
import { createFixture, fakeCodeMirror } from "./editorFixture.ts";

const codeMirror = fakeCodeMirror();
vi.mock("../../src/editor/codemirror.ts", () => codeMirror);

it("loads CodeMirror and puts it in the cell in place of its listing", async () => {
  const { state, root } = createFixture();
  mountCells(state);
  await openCellEditor(state, state.slots.get("c7")!, true);
  expect(state.codeMirror?.createCodeEditor).toBe(codeMirror.createCodeEditor);
  expect(root.querySelector('[data-editor="c7"] .cm-editor')).not.toBeNull();
  expect(root.querySelector<HTMLElement>('[data-source-for="c7"]')!.hidden).toBe(true);
});

it("leaves a slot alone that a hot update replaced while CodeMirror loaded", async () => {
  const { state, root } = createFixture();
  mountCells(state);
  const old = state.slots.get("c7")!;
  unmountCells(state);
  mountCells(state);
  await openCellEditor(state, old);
  expect(root.querySelector(".cm-editor")).toBeNull();
});

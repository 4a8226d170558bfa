// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { mountCells } from "../../src/editor/mountCells.ts";
import { createFixture, fakeCodeMirror } from "./editorFixture.ts";

const click = (root: HTMLElement, id: string, label: string) =>
  [...root.querySelectorAll<HTMLButtonElement>(`[data-editor="${id}"] button`)].find((b) => b.textContent === label)!.click();

describe("mountCells", () => {
  it("gives an editor to each editable cell whose listing is in the page", () => {
    const { state, root } = createFixture();
    root.querySelector('[data-source-for="c11"]')!.remove();
    mountCells(state);
    expect([...state.slots.keys()]).toEqual(["c3", "c7"]);
    expect(state.slots.get("c7")).toMatchObject({ index: 1, runs: 0, hidden: false });
    expect([...root.querySelectorAll("[data-editor]")].map((e) => e.getAttribute("data-editor"))).toEqual(["c3", "c7"]);
  });

  it("marks a cell in a closed listing as hidden", () => {
    const { state } = createFixture({ hidden: ["c7"] });
    mountCells(state);
    expect(state.slots.get("c7")!.hidden).toBe(true);
  });

  it("wires Run to the cell's current text", async () => {
    const { state, handle, root } = createFixture();
    mountCells(state);
    state.slots.get("c7")!.editor.setText("const y = w * 4;");
    click(root, "c7", "Run");
    await expect.poll(() => handle.redefined.map((d) => d.source)).toEqual(["const y = w * 4;"]);
    click(root, "c7", "Reset");
    await expect.poll(() => state.saved.cells.c7).toBeUndefined();
  });

  it("shows an edited text in the listing a line per span, as the compiler does, and the author's again on reset", () => {
    const { state, root } = createFixture();
    mountCells(state);
    const listing = root.querySelector('[data-source-for="c7"]')!;
    const author = listing.innerHTML;
    const code = listing.querySelector("code")!;
    const edited = "if (w) {\n  f(\"<b>\");\n\n\tg;\n}";
    state.slots.get("c7")!.editor.setText(edited);
    expect(code.textContent).toBe(edited);
    expect([...code.querySelectorAll(".line")].map((line) => [line.textContent, (line as HTMLElement).style.getPropertyValue("--indent")])).toEqual([
      ["if (w) {", ""],
      ['  f("<b>");', "2"],
      ["\tg;", "2"],
      ["}", ""],
    ]);
    state.slots.get("c7")!.editor.setText("const y = w * 3;");
    expect(listing.innerHTML).toBe(author);
  });

  it("keeps the reader's version when they ask, and stops flagging the author's change", () => {
    const { state, root } = createFixture();
    state.saved.cells.c7 = { source: "const y = 0;", authorSource: "const y = 1;", savedAt: 1 };
    mountCells(state);
    state.slots.get("c7")!.view.setAuthorChange({ before: "const y = 1;", after: "const y = w * 3;" });
    click(root, "c7", "Keep my version");
    expect(state.saved.cells.c7?.authorSource).toBe("const y = w * 3;");
    expect(root.querySelector('[data-editor="c7"] .cell-author-changed')?.hasAttribute("hidden")).toBe(true);
  });

  it("offers the lesson's names and the builtins to completion", () => {
    const { state } = createFixture();
    mountCells(state);
    const codeMirror = fakeCodeMirror();
    state.slots.get("c7")!.editor.open(codeMirror);
    const names = codeMirror.editors[0]!.options.names();
    expect(names).toEqual(expect.arrayContaining(["w", "y", "fixed", "Plot", "view", "display", "width"]));
  });
});

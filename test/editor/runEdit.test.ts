// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { mountCells } from "../../src/editor/mountCells.ts";
import { runEdit } from "../../src/editor/runEdit.ts";
import { RAN_WITH_ERROR } from "../../src/editor/showProblems.ts";
import { createFixture } from "./editorFixture.ts";

const errorText = (root: HTMLElement, id: string) => root.querySelector(`[data-editor="${id}"] .cell-error`)?.textContent ?? null;
const statusText = (root: HTMLElement, id: string) => root.querySelector(`[data-editor="${id}"] .cell-editor-status`)?.textContent;

describe("runEdit", () => {
  it("saves a good edit and redefines only that cell, under the author's id", async () => {
    const { state, handle, root } = createFixture();
    mountCells(state);
    expect(await runEdit(state, state.slots.get("c7")!, "const y = w * 4;")).toBe(true);
    expect(handle.redefined.map((d) => [d.id, d.source])).toEqual([["c7", "const y = w * 4;"]]);
    expect(state.saved.cells.c7?.source).toBe("const y = w * 4;");
    expect(statusText(root, "c7")).toBe("Ran.");
  });

  it("refuses an edit that does not build, in place, and runs nothing", async () => {
    const { state, handle, root } = createFixture();
    mountCells(state);
    expect(await runEdit(state, state.slots.get("c7")!, "const y = (;")).toBe(false);
    expect(errorText(root, "c7")).toMatch(/^Line 1, column 12: /);
    expect(statusText(root, "c7")).toBe("Not run: this edit has an error; the rest of the lesson is unchanged.");
    expect(handle.redefined).toEqual([]);
    expect(state.saved.cells).toEqual({});
  });

  it("refuses a name another cell defines, naming that cell's line", async () => {
    const { state, root } = createFixture();
    mountCells(state);
    expect(await runEdit(state, state.slots.get("c11")!, "const y = 1;")).toBe(false);
    expect(errorText(root, "c11")).toMatch(/y/);
  });

  it("leaves a run-time error to the cell's output, saying so in the status", async () => {
    const { state, handle, root } = createFixture();
    mountCells(state);
    handle.nextState = { status: "rejected", error: "TypeError: boom" };
    expect(await runEdit(state, state.slots.get("c7")!, "const y = w.boom();")).toBe(false);
    // The runtime shows it in the output below: shown under the editor too, it appeared twice.
    expect(errorText(root, "c7")).toBe(null);
    expect(state.slots.get("c7")!.problems).toBe(undefined);
    expect(statusText(root, "c7")).toBe(RAN_WITH_ERROR);
  });

  it("treats the author's own text as a reset", async () => {
    const { state, handle } = createFixture();
    mountCells(state);
    const slot = state.slots.get("c7")!;
    await runEdit(state, slot, "const y = w * 4;");
    expect(await runEdit(state, slot, "const y = w * 3;\n")).toBe(true);
    expect(state.saved.cells).toEqual({});
    expect(handle.redefined.at(-1)?.source).toBe("const y = w * 3;");
  });

  it("lets a newer run overtake an older one still loading the builder", async () => {
    const { state, handle } = createFixture();
    mountCells(state);
    const slot = state.slots.get("c7")!;
    const first = runEdit(state, slot, "const y = w * 4;");
    const second = runEdit(state, slot, "const y = w * 5;");
    expect(await first).toBe(false);
    expect(await second).toBe(true);
    expect(handle.redefined.map((d) => d.source)).toEqual(["const y = w * 5;"]);
  });

  it("loads the whole library first when the edit reads a member outside the page's subset", async () => {
    const { state, handle } = createFixture();
    mountCells(state);
    await runEdit(state, state.slots.get("c11")!, "Plot.dot([y]).plot()");
    expect(handle.provided).toEqual([["Plot", ["dot"]]]);
  });
});

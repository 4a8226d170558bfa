// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { followCellStatus } from "../../src/editor/followCellStatus.ts";
import { mountCells } from "../../src/editor/mountCells.ts";
import { RAN_WITH_ERROR, showProblems } from "../../src/editor/showProblems.ts";
import { createFixture } from "./editorFixture.ts";

const status = (root: HTMLElement) => root.querySelector('[data-editor="c7"] .cell-editor-status')?.textContent;
const error = (root: HTMLElement) => root.querySelector('[data-editor="c7"] .cell-error')?.textContent ?? null;

describe("followCellStatus", () => {
  it("follows an edited cell's runs: pending, failed (the error left to the output), then its recovery", () => {
    const { state, handle, root } = createFixture();
    state.saved.cells.c7 = { source: "const y = 1;", authorSource: "const y = w * 3;", savedAt: 1 };
    mountCells(state);
    const stop = followCellStatus(state);
    handle.emit({ id: "c7", line: 7, status: "pending" });
    expect(status(root)).toBe("Running…");
    handle.emit({ id: "c7", line: 7, status: "rejected", error: "RangeError: no" });
    // The runtime shows the error in the cell's output: the editor repeating it showed it twice.
    expect([status(root), error(root)]).toEqual([RAN_WITH_ERROR, null]);
    handle.emit({ id: "c7", line: 7, status: "fulfilled" });
    expect([status(root), error(root)]).toEqual(["Ran.", null]);
    stop();
    handle.emit({ id: "c7", line: 7, status: "pending" });
    expect(status(root)).toBe("Ran.");
  });

  it("leaves unedited cells and an edit's build problems alone", () => {
    const { state, handle, root } = createFixture();
    state.saved.cells.c7 = { source: "const y = 1;", authorSource: "const y = w * 3;", savedAt: 1 };
    mountCells(state);
    followCellStatus(state);
    showProblems(state.slots.get("c7")!, "build", ["Line 1, column 1: bad"]);
    handle.emit({ id: "c7", line: 7, status: "rejected", error: "w is not defined" });
    expect(error(root)).toBe("Line 1, column 1: bad");
    handle.emit({ id: "c3", line: 3, status: "pending" });
    expect(root.querySelector('[data-editor="c3"] .cell-editor-status')?.textContent).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import { matchEdits } from "../../src/editor/match.ts";
import type { SavedEdit } from "../../src/editor/saved.ts";

const edit = (source: string, authorSource: string, index: number, outputs: string[]): SavedEdit => ({ source, authorSource, savedAt: 1, index, outputs });
const cells = [
  { id: "a", source: "const w = 2;", outputs: ["w"] },
  { id: "b2", source: "const y = w * 4;", outputs: ["y"] },
  { id: "c", source: "y + 1", outputs: [] },
];

describe("matchEdits", () => {
  it("matches by id when the author did not change the cell", () => {
    const { matches, orphans } = matchEdits({ a: edit("const w = 3;", "const w = 2;", 0, ["w"]) }, cells);
    expect(matches).toEqual([{ id: "a", savedId: "a", edit: expect.anything(), authorChanged: false }]);
    expect(orphans).toEqual([]);
  });

  it("finds a cell the author changed by its outputs and position, and flags it", () => {
    const { matches } = matchEdits({ b: edit("const y = w * 5;", "const y = w * 3;", 1, ["y"]) }, cells);
    expect(matches).toEqual([{ id: "b2", savedId: "b", edit: expect.anything(), authorChanged: true }]);
  });

  it("matches an expression cell by position, and keeps an edit with no plausible cell as an orphan", () => {
    expect(matchEdits({ old: edit("y + 2", "y", 2, []) }, cells).matches[0]?.id).toBe("c");
    const { matches, orphans } = matchEdits({ gone: edit("const q = 1;", "const q = 0;", 1, ["q"]) }, cells);
    expect(matches).toEqual([]);
    expect(orphans).toEqual(["gone"]);
  });

  it("never gives one cell two edits", () => {
    const { matches, orphans } = matchEdits(
      { b: edit("const y = 1;", "const y = 0;", 1, ["y"]), b9: edit("const y = 2;", "const y = 9;", 1, ["y"]) },
      cells,
    );
    expect(matches).toHaveLength(1);
    expect(orphans).toHaveLength(1);
  });
});

describe("matchEdits after the author reverts", () => {
  it("does not flag a cell whose source is again the one the reader started from", () => {
    const { matches } = matchEdits({ b9: edit("const y = w * 5;", "const y = w * 4;", 1, ["y"]) }, cells);
    expect(matches).toEqual([{ id: "b2", savedId: "b9", edit: expect.anything(), authorChanged: false }]);
  });
});

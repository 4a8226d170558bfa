import { describe, expect, it } from "vitest";
import { findMemberUses } from "../../../src/compile/cell/findMemberUses.ts";

const cell = (js: string, inputs = ["Plot"], inline = false) => ({ js, inputs, inline });

describe("findMemberUses", () => {
  it("collects every static member read across cells, sorted", () => {
    const cells = [
      cell("Plot.plot({marks: [Plot.line(xs), Plot.dot(xs), Plot.line(ys)]})"),
      cell("const f = () => Plot.ruleX([0]);\nconst g = obj.Plot;"),
      cell("Plot.dot?.(xs)", ["Plot"], true),
    ];
    expect(findMemberUses(cells, "Plot")).toEqual(["dot", "line", "plot", "ruleX"]);
  });

  it("skips cells that do not read the name, and cells that do not parse", () => {
    expect(findMemberUses([cell("const Plot = 1; Plot", []), cell("Plot.dot(", ["Plot"])], "Plot")).toEqual([]);
  });

  it("needs the whole module (null) when a cell uses the name other than as `name.member`", () => {
    for (const js of ["const P = Plot; P.dot(xs)", "Plot[key](xs)", "Plot['dot'](xs)", "f(Plot)", "({Plot})", "Plot"]) {
      expect(findMemberUses([cell("Plot.line(xs)"), cell(js)], "Plot"), js).toBeNull();
    }
  });
});

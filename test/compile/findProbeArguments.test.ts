import { describe, expect, it } from "vitest";
import { analyzeCell, findProbeArguments, findProbeRanges } from "../../src/compile/index.ts";

const check = (source: string) => analyzeCell(source, { lang: "ts", line: 1 }).cell;
const texts = (source: string) => {
  const cell = check(source);
  return findProbeArguments(cell).map((args) => args?.map(([start, end]) => cell.js.slice(start, end)) ?? null);
};

describe("findProbeArguments", () => {
  it("finds each call probe's arguments, in the check's JavaScript", () => {
    expect(texts("[dLdw(0), dLdw(2.5), step(1, 0.05 as number)]")).toEqual([["0"], ["2.5"], ["1", "0.05"]]);
  });

  it("gives null for a probe that is not a call or spreads its arguments, and one per probe", () => {
    const source = "[f(1).x, f(...xs), 3, (g(2))]";
    expect(texts(source)).toEqual([null, null, null, ["2"]]);
    expect(findProbeArguments(check(source))).toHaveLength(findProbeRanges(check(source)).length);
  });

  it("gives null for a check that is one probe, not an array", () => {
    expect(texts("cube(2) === 8")).toEqual([null]);
  });
});

// Which cells a built page leaves for the browser: the time, unseeded randomness, storage, or the author's word.
import { describe, expect, it } from "vitest";
import { compileLesson, findPrerenderBlocker } from "../../../src/compile/index.ts";

/** The blocker of each cell of a lesson made of `fences` (info string → source). */
function blockersOf(fences: [string, string][]): (string | undefined)[] {
  const body = fences.map(([info, source]) => `\`\`\`${info}\n${source}\n\`\`\``).join("\n\n");
  const lesson = compileLesson(`---\ntitle: t\n---\n\n${body}\n`, { file: "t.md" });
  expect(lesson.diagnostics).toEqual([]);
  return lesson.cells.map(findPrerenderBlocker);
}

describe("findPrerenderBlocker", () => {
  it("leaves out cells that read the moment, chance or the reader", () => {
    expect(
      blockersOf([
        ["ts", "const t = now;"],
        ["ts", "const r = Math.random();"],
        ["ts", "const d = new Date();"],
        ["ts", "const n = Date.now();"],
        ["ts", "const p = performance.now();"],
        ["ts", "const s = localStorage.getItem(\"k\");"],
        ["ts prerender=false", "const quiet = 1;"],
      ]),
    ).toEqual(["reads now", "calls Math.random", "reads the clock", "reads the clock", "reads the clock", "reads the reader's storage", "prerender=false"]);
  });

  it("keeps cells whose output is the same at every build", () => {
    expect(
      blockersOf([
        ["ts", "const fixed = new Date(0);"],
        ["ts", "const seeded = d3.randomLcg(42)();"],
        ["ts prerender=true", "const nowhere = 1;"],
        ["ts", "const randomness = 2;"],
      ]),
    ).toEqual([undefined, undefined, undefined, undefined]);
  });
});

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileLesson } from "../../src/compile/index.ts";
import { builtins } from "../../src/contract/builtins.ts";
import { isMissingLibraryPart } from "../../src/contract/libraryPart.ts";
import { findLeftOutPackages, findLibrarySubset, renderReexportModule, renderStubModule, renderTrimmedEntry, subsetLibraries } from "../../src/vite/findLibrarySubsets.ts";

const lesson = (...cells: string[]) => compileLesson(cells.map((code) => `\`\`\`js\n${code}\n\`\`\`\n`).join("\n"));
const exported = new Set(["plot", "line", "dot", "ruleX", "hexbin"]);

describe("subsetLibraries", () => {
  it("are the registry's builtins marked subset, with their package", () => {
    expect(subsetLibraries).toEqual({
      Plot: { package: builtins.Plot.package, trimEntry: true },
      Inputs: { package: builtins.Inputs.package, trimEntry: false },
      d3: { package: builtins.d3.package, trimEntry: false },
    });
  });
});

describe("findLibrarySubset", () => {
  it("lists the members running cells read that the package exports", () => {
    const found = findLibrarySubset(lesson("Plot.plot({marks: [Plot.line([1]), Plot.dot([1]), Plot.nope]})", "Plot.ruleX([0])"), "Plot", exported);
    expect(found).toEqual(["dot", "line", "plot", "ruleX"]);
  });

  it("ignores cells that do not run", () => {
    expect(findLibrarySubset(compileLesson("```js\nPlot.dot([1])\n```\n\n```js run=false\nPlot.hexbin()\n```\n"), "Plot", exported)).toEqual(["dot"]);
  });

  it("is undefined when a cell uses the library dynamically, or no cell reads it", () => {
    expect(findLibrarySubset(lesson("Plot.dot([1])", "const P = Plot"), "Plot", exported)).toBeUndefined();
    expect(findLibrarySubset(lesson("1 + 1"), "Plot", exported)).toBeUndefined();
  });
});

describe("subset modules", () => {
  it("re-exports members from a side-effect-free entry", () => {
    expect(renderReexportModule("d3", ["extent", "range"])).toBe('export {extent, range} from "d3";\n');
  });

  it("trims an entry to the wanted re-exports and keeps its other statements", () => {
    const entry = `import {Mark} from "./mark.js";\nMark.prototype.plot = 1;\nexport {plot} from "./plot.js";\nexport {Dot, dot as dot, dotX} from "./marks/dot.js";\nexport {hexbin} from "./transforms/hexbin.js";\n`;
    expect(renderTrimmedEntry("/p/src/index.js", entry, ["dot", "plot"])).toBe(
      `import {Mark} from "/p/src/mark.js";\nMark.prototype.plot = 1;\nexport {plot} from "/p/src/plot.js";\nexport {dot} from "/p/src/marks/dot.js";\n`,
    );
  });

  it("trims Plot's real entry", () => {
    const path = fileURLToPath(import.meta.resolve("@observablehq/plot"));
    const source = renderTrimmedEntry(path, readFileSync(path, "utf8"), ["line", "plot"]);
    expect(source).toContain("Mark.prototype.plot");
    expect(source.match(/^export /gm)).toHaveLength(2);
    expect(source).not.toContain("hexbin");
  });
});

describe("left-out packages", () => {
  it("leaves d3-geo out of a page whose running cells show no need of it", () => {
    expect(findLeftOutPackages(lesson("Plot.plot({marks: [Plot.line([[0, 0], [1, 1]], {clip: true})]})"))).toEqual(["d3-geo"]);
    expect(findLeftOutPackages(compileLesson("```js\nPlot.dot([1])\n```\n\n```js run=false\nPlot.plot({projection: \"mercator\"})\n```\n"))).toEqual(["d3-geo"]);
  });

  it("keeps it for a projection, a geo mark, clip: \"sphere\", or d3's geo functions", () => {
    for (const code of ['Plot.plot({projection: "equal-earth", marks: [Plot.dot([[0, 0]])]})', "Plot.geo(land)", 'Plot.dot([[0, 0]], {clip: "sphere"})', "Plot.contour(values)", "d3.geoPath()"]) {
      expect(findLeftOutPackages(lesson(code)), code).toEqual([]);
    }
  });

  it("renders a stub whose exports may be called, but whose results throw the missing-part error when used", async () => {
    const source = renderStubModule("d3-geo", ["geoPath", "geoAlbers", "not-an-identifier"]);
    const stub = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as Record<string, (...args: unknown[]) => { bounds(d: unknown): unknown }>;
    expect(Object.keys(stub).sort()).toEqual(["geoAlbers", "geoPath"]);
    const path = stub.geoPath!(null);
    const uses: [string, () => unknown][] = [["a method", () => path.bounds({})], ["a call", () => (path as unknown as () => unknown)()], ["a key", () => Object.keys(path)]];
    for (const [use, run] of uses) {
      let thrown: unknown;
      try {
        run();
      } catch (error) {
        thrown = error;
      }
      expect(isMissingLibraryPart(thrown), use).toBe(true);
      expect(String(thrown)).toContain("d3-geo");
    }
  });
});

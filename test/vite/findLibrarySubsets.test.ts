import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileLesson } from "../../src/compile/index.ts";
import { builtins } from "../../src/contract/builtins.ts";
import { isMissingLibraryPart } from "../../src/contract/libraryPart.ts";
import { findLeftOutPackages, findLibrarySubset, needsColorScale, renderReexportModule, renderStubModule, renderTrimmedEntry, subsetLibraries } from "../../src/vite/findLibrarySubsets.ts";

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
    expect(findLeftOutPackages(lesson("Plot.plot({marks: [Plot.line([[0, 0], [1, 1]], {clip: true})]})"))).toContain("d3-geo");
    expect(findLeftOutPackages(compileLesson("```js\nPlot.dot([1])\n```\n\n```js run=false\nPlot.plot({projection: \"mercator\"})\n```\n"))).toContain("d3-geo");
  });

  it("keeps it for a projection, a geo mark, clip: \"sphere\", or d3's geo functions", () => {
    for (const code of ['Plot.plot({projection: "equal-earth", marks: [Plot.dot([[0, 0]])]})', "Plot.geo(land)", 'Plot.dot([[0, 0]], {clip: "sphere"})', "Plot.contour(values)", "d3.geoPath()"]) {
      expect(findLeftOutPackages(lesson(code)), code).not.toContain("d3-geo");
    }
  });

  it("leaves d3-scale-chromatic out of a page whose charts draw in constant colors only", () => {
    const constant = 'Plot.plot({marks: [Plot.line(data, {stroke: "steelblue", strokeWidth: 2}), Plot.dot(data, {fill: "currentColor", stroke: \'#e15759\'}), Plot.ruleX(data, {stroke: `rgb(10, 20, 30)`, fill: "none", strokeDasharray: "3,3"})]})';
    expect(findLeftOutPackages(lesson(constant, "Inputs.range([0, 4])"))).toEqual(["d3-geo", "d3-scale-chromatic"]);
    // A color scale only in a listing that does not run needs nothing.
    expect(findLeftOutPackages(compileLesson("```js\nPlot.dot([1])\n```\n\n```js run=false\nPlot.dot(data, {fill: \"species\"})\n```\n"))).toContain("d3-scale-chromatic");
  });

  it("keeps it for a fill or stroke that is no literal color, a color option, scheme, interpolator or legend, and the marks that color by value", () => {
    const needing = [
      'Plot.dot(data, {fill: "species"})', // a field name: a channel
      "Plot.dot(data, {stroke: (d) => d.k})",
      "Plot.line(data, {stroke})",
      "Plot.barY(data, Plot.groupX({y: \"count\", fill: \"count\"}, {x: \"k\"}))",
      'Plot.dot(data, {fill: `${name}`})',
      'Plot.dot(data, {"fill": "red"})', // a quoted key: not read, kept
      "Plot.plot({color: {type: \"log\"}, marks: []})",
      'Plot.plot({marks: [], color: {scheme: "blues"}})',
      "Plot.legend({color: {domain: [1, 2]}})",
      "Plot.cellX([1, 2, 3])",
      "Plot.raster(values, {width: 10, height: 10})",
      "Plot.density(data, {x: \"a\", y: \"b\"})",
      "d3.schemeTableau10[0]",
      "d3.interpolateViridis(0.5)",
    ];
    for (const code of needing) {
      expect(needsColorScale(code), code).toBe(true);
      expect(findLeftOutPackages(lesson(code)), code).not.toContain("d3-scale-chromatic");
    }
    for (const code of ['Plot.dot(data, {fill: "tomato", r: 5})', "Plot.line(data, {strokeWidth: 2, fillOpacity: 0.5})", "html`<p style=\"background: currentColor\">`", "Plot.text(data, {fill: 'transparent'})"]) {
      expect(needsColorScale(code), code).toBe(false);
    }
  });

  it("renders a stub of a package read as values (no call on load) whose exports throw the missing-part error on any use", async () => {
    const source = renderStubModule("d3-scale-chromatic", ["schemeBlues", "interpolateTurbo"], { calledOnLoad: false });
    const stub = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as Record<string, unknown>;
    expect(Object.keys(stub).sort()).toEqual(["interpolateTurbo", "schemeBlues"]);
    // Plot stores them in its scheme maps as it loads: no use yet.
    expect(new Map([["blues", stub.schemeBlues]]).size).toBe(1);
    const uses: [string, () => unknown][] = [
      ["an index", () => (stub.schemeBlues as string[][])[3]],
      ["a call", () => (stub.interpolateTurbo as (t: number) => string)(0.5)],
      ["a length", () => (stub.schemeBlues as unknown[]).length],
      ["a string", () => `${stub.interpolateTurbo as string}`],
    ];
    expectEachToThrowMissing(uses, "d3-scale-chromatic");
  });

  it("renders a stub whose exports may be called, but whose results throw the missing-part error when used", async () => {
    const source = renderStubModule("d3-geo", ["geoPath", "geoAlbers", "not-an-identifier"]);
    const stub = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as Record<string, (...args: unknown[]) => { bounds(d: unknown): unknown }>;
    expect(Object.keys(stub).sort()).toEqual(["geoAlbers", "geoPath"]);
    const path = stub.geoPath!(null);
    const uses: [string, () => unknown][] = [["a method", () => path.bounds({})], ["a call", () => (path as unknown as () => unknown)()], ["a key", () => Object.keys(path)]];
    expectEachToThrowMissing(uses, "d3-geo");
  });
});

/** Runs each use and expects it to throw the missing-part error that names `packageName`. */
function expectEachToThrowMissing(uses: [string, () => unknown][], packageName: string): void {
  for (const [use, run] of uses) {
    let thrown: unknown;
    try {
      run();
    } catch (error) {
      thrown = error;
    }
    expect(isMissingLibraryPart(thrown), use).toBe(true);
    expect(String(thrown), use).toContain(packageName);
  }
}

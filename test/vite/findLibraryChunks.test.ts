import { describe, expect, it } from "vitest";
import { compileLesson } from "../../src/compile/index.ts";
import { findLibraryBuiltins } from "../../src/contract/builtins.ts";
import { findLibraryChunks, findUsedLibraries } from "../../src/vite/findLibraryChunks.ts";

const chunk = (fileName: string, moduleIds: string[], imports: string[] = []) => ({ type: "chunk", fileName, moduleIds, imports });

describe("findUsedLibraries", () => {
  it("lists the packages of the library builtins that running cells read", () => {
    const lesson = compileLesson("```js\nconst w = view(Inputs.range([0, 1]))\n```\n\n```js\nPlot.plot({marks: [Plot.dot([w])]})\n```\n\n```js run=false\nd3.range(3)\n```\n");
    expect(findUsedLibraries(lesson).sort()).toEqual(["@observablehq/inputs", "@observablehq/plot"]);
  });

  it("knows every library builtin of the registry, and nothing else", () => {
    const reads = (name: string) => findUsedLibraries(compileLesson(`\`\`\`js\n${name}\n\`\`\`\n`));
    for (const [name, builtin] of findLibraryBuiltins()) expect(reads(name), name).toEqual([builtin.package]);
    expect(reads("width")).toEqual([]);
  });
});

describe("findLibraryChunks", () => {
  it("finds the chunks holding a package and every chunk they import", () => {
    const bundle = {
      "a.js": chunk("assets/plot.js", ["/r/node_modules/@observablehq/plot/src/index.js"], ["assets/d3-scale.js"]),
      "b.js": chunk("assets/d3-scale.js", ["/r/node_modules/d3-scale/src/index.js"], ["assets/d3-array.js"]),
      "c.js": chunk("assets/d3-array.js", ["/r/node_modules/d3-array/src/index.js"]),
      "d.js": chunk("assets/katex.js", ["/r/node_modules/katex/dist/katex.mjs"]),
      "e.css": { type: "asset", fileName: "assets/site.css" },
    };
    expect(findLibraryChunks(bundle, ["@observablehq/plot"])).toEqual(["assets/plot.js", "assets/d3-scale.js", "assets/d3-array.js"]);
    expect(findLibraryChunks(bundle, [])).toEqual([]);
  });
});

describe("findLibraryChunks with a subset module", () => {
  it("finds the chunk of a virtual module by its exact id", () => {
    const bundle = {
      "a.js": chunk("assets/plot.js", ["/r/node_modules/@observablehq/plot/src/index.js"], ["assets/line.js"]),
      "b.js": chunk("assets/page-plot.js", ["\0virtual:live-lesson/library/Plot/page"], ["assets/line.js"]),
      "c.js": chunk("assets/line.js", ["/r/node_modules/@observablehq/plot/src/marks/line.js"]),
    };
    expect(findLibraryChunks(bundle, ["\0virtual:live-lesson/library/Plot/page"])).toEqual(["assets/page-plot.js", "assets/line.js"]);
  });
});

describe("findLibraryChunks with other pages' subsets", () => {
  it("leaves out the chunks of another page's copies of the package", () => {
    const bundle = {
      "a.js": chunk("assets/plot.js", ["/r/node_modules/@observablehq/plot/src/index.js"]),
      "b.js": chunk("assets/other.js", ["\0virtual:live-lesson/library/Plot/other", "/r/node_modules/@observablehq/plot/src/plot.js?live-lesson-subset=other"]),
    };
    expect(findLibraryChunks(bundle, ["@observablehq/plot"])).toEqual(["assets/plot.js"]);
  });
});

describe("findLibraryChunks with a facade chunk", () => {
  it("finds the re-export chunk of a package bundled into another chunk (htl, which Inputs also imports)", () => {
    const bundle = {
      "a.js": chunk("assets/inputs.js", ["/r/node_modules/@observablehq/inputs/src/index.js", "/r/node_modules/htl/src/index.js"]),
      "b.js": { ...chunk("assets/htl-facade.js", [], ["assets/inputs.js"]), facadeModuleId: "/r/node_modules/htl/src/index.js" },
      "c.js": { ...chunk("assets/plot-facade.js", [], ["assets/plot.js"]), facadeModuleId: "/r/node_modules/@observablehq/plot/src/index.js" },
    };
    expect(findLibraryChunks(bundle, ["htl"])).toEqual(["assets/inputs.js", "assets/htl-facade.js"]);
  });
});

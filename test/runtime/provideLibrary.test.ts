// @vitest-environment happy-dom
// A built page's subset may leave a package out (contract/libraryPart.ts): a cell that reaches it
// makes the page switch to the whole library and run again, without showing the stub's error.
import { afterEach, describe, expect, it } from "vitest";
import { MISSING_PART_NAME } from "../../src/contract/libraryPart.ts";
import { mountLesson } from "../../src/runtime/mountLesson.ts";
import type { CellDefinition } from "../../src/runtime/types.ts";

const chart: CellDefinition = {
  id: "chart",
  line: 3,
  column: 1,
  inline: false,
  lang: "js",
  source: "Plot.hexbin ? \"whole\" : Plot.plot()",
  params: ["Plot"],
  inputs: ["Plot"],
  outputs: [],
  expression: true,
  async: false,
  generator: false,
  options: { hide: false, run: true, editable: true },
  body: ((Plot: { hexbin?: unknown; plot: () => unknown }) => (Plot.hexbin ? "whole" : Plot.plot())) as CellDefinition["body"],
};

/** A subset of Plot whose `plot` reaches a left-out package, as the build's stub does. */
const leavingOut = {
  members: ["plot"],
  load: async () => ({
    plot: () => {
      const error = new Error("This cell needs d3-geo, which this page left out of its libraries; loading them whole.");
      error.name = MISSING_PART_NAME;
      throw error;
    },
  }),
};

afterEach(() => document.body.replaceChildren());

describe("a subset that left a package out", () => {
  it("is replaced by the whole library, and the cell runs again without showing the stub's error", async () => {
    const root = document.createElement("main");
    document.body.append(root);
    const handle = mountLesson({ file: "geo.md", title: "Geo", html: '<div data-cell="chart"></div>', cells: [chart], diagnostics: [], modules: {}, libraries: { Plot: leavingOut } }, root);
    await expect.poll(async () => (await handle.api.idle(), handle.api.cells().map((cell) => cell.status)), { timeout: 20_000 }).toEqual(["fulfilled"]);
    expect(root.querySelector('[data-cell="chart"]')?.textContent).toContain("whole");
    expect(root.querySelector(".cell-error")).toBeNull();
  });

  it("is replaced by the whole library when its module fails as it loads on a left-out package", async () => {
    const root = document.createElement("main");
    document.body.append(root);
    const failingLoad = {
      members: ["plot"],
      load: async () => {
        const error = new Error("left out");
        error.name = MISSING_PART_NAME;
        throw error;
      },
    };
    const handle = mountLesson({ file: "load.md", title: "Load", html: '<div data-cell="chart"></div>', cells: [chart], diagnostics: [], modules: {}, libraries: { Plot: failingLoad } }, root);
    await expect.poll(async () => (await handle.api.idle(), handle.api.cells().map((cell) => cell.status)), { timeout: 20_000 }).toEqual(["fulfilled"]);
    expect(root.querySelector('[data-cell="chart"]')?.textContent).toContain("whole");
  });

  it("shows an ordinary error as before", async () => {
    const root = document.createElement("main");
    document.body.append(root);
    const failing = { members: ["plot"], load: async () => ({ plot: () => { throw new Error("bad data"); } }) };
    const handle = mountLesson({ file: "bad.md", title: "Bad", html: '<div data-cell="chart"></div>', cells: [chart], diagnostics: [], modules: {}, libraries: { Plot: failing } }, root);
    await expect.poll(async () => (await handle.api.idle(), handle.api.cells().map((cell) => cell.status)), { timeout: 20_000 }).toEqual(["rejected"]);
    expect(root.querySelector('[data-cell="chart"]')?.textContent).toContain("bad data");
  });
});

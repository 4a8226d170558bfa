// @vitest-environment happy-dom
// A built page's static prerendered outputs are kept at start instead of running their cells, and
// the cells run as usual once an input changes (src/runtime/keepOutput.ts).
import { afterEach, describe, expect, it } from "vitest";
import { findKeepable } from "../../src/runtime/keepOutput.ts";
import { mountLesson } from "../../src/runtime/mountLesson.ts";
import type { CellDefinition, CellState, LessonHandle } from "../../src/runtime/types.ts";
import { cellOf } from "./cellOf.ts";

describe("findKeepable", () => {
  const slider = cellOf("slider", ["view"], ["w"], () => ({}));
  const data = cellOf("data", [], ["points"], () => ({}));
  const clock = cellOf("clock", ["now"], ["t"], () => ({}));
  const sized = cellOf("sized", ["width"], ["columns"], () => ({}));
  const imported = cellOf("imported", ["__import"], ["adam"], () => ({}));

  it("keeps a cell no cell reads, reading libraries and stable cells, with every cell it reads from", () => {
    const chart = cellOf("chart", ["Plot", "points", "w"], [], () => null);
    const [kept] = findKeepable([slider, data, chart]);
    expect(kept?.[0]).toBe("chart");
    expect(new Set(kept?.[1])).toEqual(new Set(["slider", "data"]));
  });

  it("does not keep a cell whose inputs, however far up, depend on the moment, the page, the reader or a module", () => {
    const steps = cellOf("steps", ["points", "t"], ["rows"], () => ({}));
    const cells = [
      slider, data, clock, sized, imported, steps,
      cellOf("onClock", ["Plot", "rows"], [], () => null),
      cellOf("onWidth", ["Plot", "columns"], [], () => null),
      cellOf("onWidthItself", ["Plot", "width"], [], () => null),
      cellOf("onModule", ["adam"], [], () => null),
      cellOf("onRecord", ["exercises"], [], () => null),
      cellOf("timed", ["setTimeout"], [], () => null),
      cellOf("declares", ["Plot"], ["chart"], () => ({})),
      cellOf("yields", ["w"], [], () => null, { generator: true }),
      cellOf("unknown", ["nowhere"], [], () => null),
    ];
    expect([...findKeepable(cells).keys()]).toEqual([]);
  });
});

/** A page as `lesson build` writes it: each output prerendered, the chart's marked static. */
function mountBuilt(cells: CellDefinition[], outputs: Record<string, string>, statics: string[]): { handle: LessonHandle; root: HTMLElement; states: CellState[] } {
  const html = cells
    .map((cell) => `<p>${cell.id}</p><div class="cell-output" data-cell="${cell.id}" data-status="fulfilled"${statics.includes(cell.id) ? " data-static" : ""} data-prerendered>${outputs[cell.id] ?? ""}</div>`)
    .join("");
  const root = document.createElement("main");
  root.innerHTML = html;
  document.body.append(root);
  const handle = mountLesson({ file: "kept.md", title: "Kept", html, cells, diagnostics: [], modules: {} }, root);
  const states: CellState[] = [...handle.api.cells()];
  handle.onStatus((state) => states.push({ ...state }));
  return { handle, root, states };
}

function sliderCell(): CellDefinition {
  return cellOf("slider", ["view"], ["w"], ((view: (element: Element) => unknown) => {
    const input = document.createElement("input");
    input.type = "range";
    input.min = "0";
    input.max = "4";
    input.step = "1";
    input.value = "1";
    return { w: view(input) };
  }) as never);
}

afterEach(() => document.body.replaceChildren());

describe("a built page's static outputs at start", () => {
  it("keeps the prerendered chart, never pending, and runs it once its input moves", async () => {
    const runs: number[] = [];
    const chart = cellOf("chart", ["w"], [], ((w: number) => {
      runs.push(w);
      const figure = document.createElement("figure");
      figure.textContent = `w is ${w}`;
      return figure;
    }) as never);
    const { handle, root, states } = mountBuilt([sliderCell(), chart], { chart: "<figure>w is 1</figure>" }, ["chart"]);
    const prerendered = root.querySelector('[data-cell="chart"] figure');
    await handle.api.idle();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runs).toEqual([]);
    expect(root.querySelector('[data-cell="chart"] figure')).toBe(prerendered);
    const chartStates = states.filter((state) => state.id === "chart").map((state) => state.status);
    expect(chartStates[0]).toBe("fulfilled");
    expect(chartStates).not.toContain("pending");
    expect(handle.api.cells().map((cell) => cell.status)).toEqual(["fulfilled", "fulfilled"]);

    const input = root.querySelector<HTMLInputElement>('[data-cell="slider"] input')!;
    input.value = "3";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await handle.api.idle();
    expect(runs).toEqual([3]);
    expect(root.querySelector('[data-cell="chart"]')!.textContent).toBe("w is 3");
    expect(root.querySelector('[data-cell="chart"] figure')).not.toBe(prerendered);
  });

  it("runs at start a cell whose output is not marked static, or whose page something changed first", async () => {
    const runs: string[] = [];
    const make = (id: string) => cellOf(id, ["w"], [], ((w: number) => (runs.push(id), `${id} ${w}`)) as never);
    const { handle } = mountBuilt([sliderCell(), make("marked"), make("unmarked")], { marked: "marked 1", unmarked: "unmarked 1" }, ["marked"]);
    await handle.api.idle();
    expect(runs).toEqual(["unmarked"]);

    runs.length = 0;
    document.body.replaceChildren();
    const second = mountBuilt([sliderCell(), make("marked")], { marked: "marked 1" }, ["marked"]);
    // A value set before the kept cell first runs (a share link's, a restored one): it runs with it.
    await second.handle.api.set("w", 2);
    expect(runs).toEqual(["marked"]);
    expect(second.root.querySelector('[data-cell="marked"]')!.textContent).toBe("marked 2");
  });

  it("runs a kept cell's edit, and keeps nothing once a cell was redefined", async () => {
    const chart = cellOf("chart", ["w"], [], ((w: number) => `author ${w}`) as never);
    const { handle, root } = mountBuilt([sliderCell(), chart], { chart: "author 1" }, ["chart"]);
    await handle.api.idle();
    const state = await handle.redefine({ ...chart, body: ((w: number) => `edited ${w}`) as never });
    expect(state.status).toBe("fulfilled");
    expect(root.querySelector('[data-cell="chart"]')!.textContent).toBe("edited 1");
  });
});

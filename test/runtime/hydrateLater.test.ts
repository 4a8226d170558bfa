// @vitest-environment happy-dom
// A built page keeps a prerendered output that listens (data-hydrate: an Inputs.table) at start
// and runs its cell once later: at idle time after the lesson settles, or at once when the reader
// reaches for the output; `lesson.idle()` waits for it (src/runtime/hydrateLater.ts).
import { afterEach, describe, expect, it } from "vitest";
import { mountLesson } from "../../src/runtime/mountLesson.ts";
import type { CellDefinition, CellState, LessonHandle } from "../../src/runtime/types.ts";
import { cellOf } from "./cellOf.ts";

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

/** A table-like output: a link that listens for clicks, made by each run (numbered). */
function tableCell(runs: number[]): CellDefinition {
  return cellOf("table", ["w"], [], ((w: number) => {
    runs.push(w);
    const form = document.createElement("form");
    const link = document.createElement("a");
    link.href = "#sort";
    link.textContent = `sort ${w}`;
    link.addEventListener("click", (event) => (event.preventDefault(), (form.dataset.sorted = "")));
    form.append(link);
    return form;
  }) as never);
}

/** The page `lesson build` writes: the table's output prerendered and marked data-hydrate. */
function mountBuilt(cells: CellDefinition[], outputs: Record<string, string>, marks: Record<string, string>) {
  const html = cells
    .map((cell) => `<p>${cell.id}</p><div class="cell-output" data-cell="${cell.id}" data-status="fulfilled"${marks[cell.id] ? ` ${marks[cell.id]}` : ""} data-prerendered>${outputs[cell.id] ?? ""}</div>`)
    .join("");
  const root = document.createElement("main");
  root.innerHTML = html;
  document.body.append(root);
  const idleCallbacks: (() => void)[] = [];
  Object.assign(window, { requestIdleCallback: (callback: () => void) => (idleCallbacks.push(callback), idleCallbacks.length) });
  const handle: LessonHandle = mountLesson({ file: "kept.md", title: "Kept", html, cells, diagnostics: [], modules: {} }, root);
  const states: CellState[] = [];
  handle.onStatus((state) => states.push({ ...state }));
  return { handle, root, states, idle: () => idleCallbacks.splice(0).forEach((callback) => callback()) };
}

const prerenderedTable = '<form><a href="#sort">sort 1</a></form>';
const settle = () => new Promise((resolve) => setTimeout(resolve, 150)); // past the frame wait
const table = (root: HTMLElement) => root.querySelector<HTMLElement>('[data-cell="table"]')!;

afterEach(() => document.body.replaceChildren());

describe("a kept output that listens", () => {
  it("is kept at start, never pending, and its cell runs once at idle time; idle() waits for that run", async () => {
    const runs: number[] = [];
    const page = mountBuilt([sliderCell(), tableCell(runs)], { table: prerenderedTable }, { table: "data-hydrate" });
    const prerendered = table(page.root).firstElementChild;
    let idle = false;
    void page.handle.api.idle().then(() => (idle = true));
    await settle();
    expect([runs, idle]).toEqual([[], false]);
    expect(table(page.root).firstElementChild).toBe(prerendered);
    expect(page.handle.api.cells().map((cell) => cell.status)).toEqual(["fulfilled", "fulfilled"]);
    page.idle();
    await page.handle.api.idle();
    expect([runs, idle]).toEqual([[1], true]);
    expect(table(page.root).firstElementChild).not.toBe(prerendered);
    expect(table(page.root).dataset.hydrate).toBeUndefined();
    table(page.root).querySelector("a")!.click();
    expect(table(page.root).querySelector("form")!.dataset.sorted).toBe("");
    page.idle();
    await page.handle.api.idle();
    expect(runs).toEqual([1]);
  });

  it("runs at once when the pointer comes over it, before the next task, so the click that follows reaches the fresh output", async () => {
    const runs: number[] = [];
    const page = mountBuilt([sliderCell(), tableCell(runs)], { table: prerenderedTable }, { table: "data-hydrate" });
    await settle();
    expect(runs).toEqual([]);
    const old = table(page.root).querySelector("a")!;
    old.dispatchEvent(new Event("pointerover", { bubbles: true }));
    // Microtasks only (the runtime's computation): a trusted pointerover runs them before its
    // dispatch goes on, and long before the press and the click.
    for (let i = 0; i < 50; i++) await Promise.resolve();
    expect(runs).toEqual([1]);
    expect(old.isConnected).toBe(false);
    table(page.root).querySelector("a")!.click();
    expect(table(page.root).querySelector("form")!.dataset.sorted).toBe("");
    page.idle();
    await page.handle.api.idle();
    expect(runs).toEqual([1]);
  });

  it("moves focus that was in the old output to the same place in the fresh one", async () => {
    const runs: number[] = [];
    const page = mountBuilt([sliderCell(), tableCell(runs)], { table: prerenderedTable }, { table: "data-hydrate" });
    await settle();
    table(page.root).querySelector("a")!.focus();
    await page.handle.api.idle();
    expect(runs).toEqual([1]);
    expect(document.activeElement?.textContent).toBe("sort 1");
    expect(document.activeElement?.isConnected).toBe(true);
  });

  it("runs once, as usual, when an input it reads moves first; and runs at start when not marked", async () => {
    const runs: number[] = [];
    const page = mountBuilt([sliderCell(), tableCell(runs)], { table: prerenderedTable }, { table: "data-hydrate" });
    await settle();
    await page.handle.api.set("w", 3);
    page.idle();
    await page.handle.api.idle();
    expect(runs).toEqual([3]);
    expect(table(page.root).textContent).toBe("sort 3");

    document.body.replaceChildren();
    const unmarked: number[] = [];
    const second = mountBuilt([sliderCell(), tableCell(unmarked)], { table: prerenderedTable }, {});
    await second.handle.api.idle();
    expect(unmarked).toEqual([1]);
  });
});

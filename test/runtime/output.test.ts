// @vitest-environment happy-dom
// What a cell's output element shows: values, text, errors, and the compact "waiting" state.

import { describe, expect, it } from "vitest";
import { mountLesson } from "../../src/runtime/mountLesson.ts";
import { appendError, appendValue, isShowingText } from "../../src/runtime/output.ts";
import * as Inputs from "@observablehq/inputs";
import { cellOf } from "./cellOf.ts";
import type { CellDefinition } from "../../src/runtime/types.ts";

const output = (inline = false) => document.createElement(inline ? "span" : "div");

describe("appendValue", () => {
  it("shows a string as text, without quotes, in a block and inline", () => {
    const block = output();
    appendValue(block, "The loss is 0.30", false);
    expect(block.textContent).toBe("The loss is 0.30");
    const inline = output(true);
    appendValue(inline, "text", true);
    expect(inline.textContent).toBe("text");
  });

  it("still inspects other values", () => {
    const block = output();
    appendValue(block, ["a"], false);
    expect(block.querySelector(".inspect")).not.toBeNull();
  });

  it("gives Plot's named mark groups a role, so their aria-label is allowed (the drawing is unchanged)", () => {
    const block = output();
    const figure = document.createElement("figure");
    figure.innerHTML = `<svg aria-label="A chart"><g aria-label="line"><path d="M0,0L1,1"></path></g><g role="img" aria-label="kept"></g><g></g></svg>`;
    const before = figure.querySelector("path")!.outerHTML;
    appendValue(block, figure, false);
    const groups = [...block.querySelectorAll("g")].map((g) => g.getAttribute("role"));
    expect(groups).toEqual(["group", "img", null]);
    expect(block.querySelector("path")!.outerHTML).toBe(before);
  });
});

describe("appendError", () => {
  const waiting = { message: "waiting for `softmax` (line 45)", input: "softmax", waiting: true as const, cause: "SyntaxError: Unexpected token", location: "a.md:50" };

  it("shows a cell waiting for a failed input as one quiet line, not its input's error", () => {
    const block = output();
    appendError(block, waiting, false);
    expect(block.querySelector(".cell-error")).toBeNull();
    expect(block.querySelector(".cell-waiting")?.textContent).toBe("waiting for softmax (line 45)");
    expect(block.textContent).not.toContain("SyntaxError");
  });

  it("in prose, shows a short marker whose full text is its tooltip and its accessible text", () => {
    const inline = output(true);
    appendError(inline, waiting, true);
    const marker = inline.querySelector(".cell-waiting")!;
    expect(marker.getAttribute("title")).toBe("waiting for softmax (line 45)");
    expect(marker.querySelector("[aria-hidden=true]")?.textContent).toBe("…");
    expect(marker.querySelector(".visually-hidden")?.textContent).toBe("waiting for softmax (line 45)");
  });

  it("shows a cell's own error in full", () => {
    const block = output();
    appendError(block, { message: "TypeError: boom", location: "a.md:3" }, false);
    expect(block.querySelector(".cell-error")?.textContent).toBe("a.md:3 TypeError: boom");
  });
});

describe("isShowingText", () => {
  it("is true only for one text node with exactly that text", () => {
    const inline = output(true);
    appendValue(inline, "2.00", true);
    expect(isShowingText(inline, "2.00")).toBe(true);
    expect(isShowingText(inline, "2.0")).toBe(false);
    inline.append("!");
    expect(isShowingText(inline, "2.00")).toBe(false);
    const wrapped = output(true);
    wrapped.innerHTML = "<b>2.00</b>";
    expect(isShowingText(wrapped, "2.00")).toBe(false);
    expect(isShowingText(output(true), "")).toBe(false);
  });
});

describe("an inline value that reads as before", () => {
  const inlineCell = (id: string, inputs: string[], outputs: string[], body: (...args: never[]) => unknown): CellDefinition =>
    cellOf(id, inputs, outputs, body, { line: 3, inline: outputs.length === 0, source: "" });

  it("is left in place when its cell reruns, and replaced when its text changes", async () => {
    const root = document.createElement("main");
    document.body.append(root);
    const k = (value: number) => inlineCell("k", [], ["k"], () => ({ k: value }));
    const sign = inlineCell("sign", ["k"], [], (k: number) => (k > 0 ? "positive" : "not positive"));
    const value = inlineCell("value", ["k"], [], (k: number) => k.toFixed(1));
    const handle = mountLesson({ file: "inline.md", title: "Inline", html: '<p><span data-cell="sign"></span> <span data-cell="value"></span></p>', cells: [k(1), sign, value], diagnostics: [], modules: {} }, root);
    await handle.api.idle();
    const [signOutput, valueOutput] = ["sign", "value"].map((id) => root.querySelector(`[data-cell="${id}"]`)!);
    const signText = signOutput!.firstChild;
    expect(signOutput!.textContent).toBe("positive");
    const changed: string[] = [];
    new MutationObserver((records) => {
      for (const record of records) changed.push((record.target as HTMLElement).dataset.cell ?? "");
    }).observe(root, { childList: true, subtree: true });

    await handle.redefine(k(2));
    await handle.api.idle();
    expect(valueOutput!.textContent).toBe("2.0");
    expect(signOutput!.firstChild).toBe(signText);
    expect(new Set(changed)).toEqual(new Set(["value"]));

    await handle.redefine(k(-1));
    await handle.api.idle();
    expect(signOutput!.textContent).toBe("not positive");
  });
});

describe("a chart shown by a cell", () => {
  it("is not searched for an Inputs.table: an <svg> holds none, and a slider redraws charts on every change", () => {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.innerHTML = '<g aria-label="line"><path d="M0,0L1,1"></path></g>';
    const selectors: string[] = [];
    const query = svg.querySelectorAll.bind(svg);
    svg.querySelectorAll = ((selector: string) => (selectors.push(selector), query(selector))) as typeof svg.querySelectorAll;
    appendValue(output(), svg, false);
    expect(selectors.filter((selector) => selector.includes("table"))).toEqual([]);
    expect(svg.querySelector("g")!.getAttribute("role")).toBe("group"); // Still named, as every chart.
  });
});

describe("an Inputs.table shown by a cell", () => {
  it("gets a name on each checkbox: the header's selects all rows, a row's says which, and rows added later are named too", async () => {
    const element = output();
    const rows = Array.from({ length: 40 }, (_, i) => ({ i, square: i * i }));
    appendValue(element, Inputs.table(rows, { rows: 5 }), false);
    const names = () => [...element.querySelectorAll("input[type=checkbox]")].map((box) => box.getAttribute("aria-label"));
    expect(names().slice(0, 3)).toEqual(["Select all rows", "Select row 1", "Select row 2"]);
    expect(names().every((name) => name)).toBe(true);
    const before = names().length;
    // Inputs renders rows lazily; more come as the reader scrolls (here: appended as Inputs does).
    const body = element.querySelector("tbody")!;
    const extra = body.lastElementChild!.cloneNode(true) as HTMLElement;
    const box = extra.querySelector("input")!;
    box.removeAttribute("aria-label");
    box.setAttribute("value", "39");
    body.append(extra);
    await new Promise((resolve) => setTimeout(resolve));
    expect(names().length).toBe(before + 1);
    expect(names().at(-1)).toBe("Select row 40");
  });
});

// @vitest-environment happy-dom
// The stored input positions: what comes back from storage is checked like a link's input values.
import { describe, expect, it } from "vitest";
import { checksum } from "../../src/store/checksum.ts";
import { decodeInputs, inputsKey, readMovedInput } from "../../src/editor/persistInputs.ts";
import type { CellDefinition } from "../../src/runtime/types.ts";

const stored = (values: unknown, lesson = "a.md", sum = checksum(JSON.stringify(values))) =>
  JSON.stringify({ version: 1, lesson, checksum: sum, values });

describe("decodeInputs", () => {
  it("keeps well-formed values and drops anything a link could not carry", () => {
    const text = stored({ k: 5, label: "x", on: true, pair: [1, 2], code: { evil: "() => 1" }, deep: [[[[[1]]]]] });
    expect(decodeInputs(text, "a.md")).toEqual({ ok: true, state: { lesson: "a.md", values: { k: 5, label: "x", on: true, pair: [1, 2] } } });
  });

  it("refuses a torn copy, another lesson's, and what is not JSON", () => {
    expect(decodeInputs(stored({ k: 5 }, "a.md", "0"), "a.md")).toEqual({ ok: false, problem: "corrupt" });
    expect(decodeInputs(stored({ k: 5 }, "b.md"), "a.md")).toEqual({ ok: false, problem: "foreign" });
    expect(decodeInputs("{", "a.md")).toEqual({ ok: false, problem: "corrupt" });
  });

  it("lives beside the lesson's edits", () => {
    expect(inputsKey("a.md")).toMatch(/^live-lesson:.*a\.md:inputs$/);
  });
});

describe("readMovedInput", () => {
  const cell = (id: string, params: string[], outputs: string[]) => ({ id, params, outputs }) as unknown as CellDefinition;
  const definitions = [cell("s", ["Inputs", "view"], ["k"]), cell("two", ["view"], ["a", "b"]), cell("plain", ["k"], [])];

  it("reads the value of the view whose element holds the event's target, at once", () => {
    // As Inputs.range: the element shown holds the range input the event comes from.
    document.body.innerHTML = '<div data-cell="s"><span class="shown"><input type="range"></span></div>';
    (document.querySelector(".shown")! as Element & { value: unknown }).value = 7;
    expect(readMovedInput(document.querySelector("input")!, definitions)).toEqual({ name: "k", value: 7 });
    // The shown element is the input itself.
    document.body.innerHTML = '<div data-cell="s"><input value="4"></div>';
    expect(readMovedInput(document.querySelector("input")!, definitions)).toEqual({ name: "k", value: "4" });
  });

  it("leaves out a cell with two names, a cell without view, and what is outside every output", () => {
    document.body.innerHTML = '<div data-cell="two"><input value="1"></div><div data-cell="plain"><input value="2"></div><input id="loose" value="3">';
    for (const input of document.querySelectorAll("input")) expect(readMovedInput(input, definitions)).toBeUndefined();
  });
});

// The stored input positions: what comes back from storage is checked like a link's input values.
import { describe, expect, it } from "vitest";
import { checksum } from "../../src/store/checksum.ts";
import { decodeInputs, inputsKey } from "../../src/editor/persistInputs.ts";

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

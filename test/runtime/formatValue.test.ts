import { describe, expect, it } from "vitest";
import { formatAtom, formatError, formatSummary, formatTag, isExpandable, listEntries } from "../../src/runtime/formatValue.ts";

describe("formatSummary", () => {
  it("formats primitives as JavaScript would print them", () => {
    expect(formatSummary(42)).toBe("42");
    expect(formatSummary(-0)).toBe("-0");
    expect(formatSummary(NaN)).toBe("NaN");
    expect(formatSummary(10n)).toBe("10n");
    expect(formatSummary("hi")).toBe('"hi"');
    expect(formatSummary(null)).toBe("null");
    expect(formatSummary(undefined)).toBe("undefined");
    expect(formatSummary(true)).toBe("true");
    expect(formatSummary(Symbol("s"))).toBe("Symbol(s)");
  });

  it("previews arrays, objects, Maps and Sets", () => {
    expect(formatSummary([1, 2, 3])).toBe("Array(3) [1, 2, 3]");
    expect(formatSummary({ a: 1, b: "x" })).toBe('{a: 1, b: "x"}');
    expect(formatSummary(new Map([["a", 1]]))).toBe('Map(1) {"a" => 1}');
    expect(formatSummary(new Set([1, 2]))).toBe("Set(2) {1, 2}");
    expect(formatSummary(new Float64Array([0.5]))).toBe("Float64Array(1) [0.5]");
    expect(formatSummary({ "needs quotes": 1 })).toBe('{"needs quotes": 1}');
  });

  it("names class instances and nests only two levels", () => {
    class Point {
      x = 1;
      y = { z: { deep: true } };
    }
    expect(formatSummary(new Point())).toBe("Point {x: 1, y: {z: Object}}");
  });

  it("stays within its budget on huge values", () => {
    const huge = Array.from({ length: 1e6 }, (_, i) => i);
    const text = formatSummary(huge, 40);
    expect(text.startsWith("Array(1000000) [0, 1,")).toBe(true);
    expect(text.endsWith(", …]")).toBe(true);
    expect(text.length).toBeLessThan(60);
    expect(formatSummary("x".repeat(10_000), 20).length).toBeLessThanOrEqual(22);
  });

  it("terminates on cyclic values", () => {
    const a: Record<string, unknown> = { name: "a" };
    a.self = a;
    expect(formatSummary(a)).toBe('{name: "a", self: {name: "a", self: Object}}');
    const list: unknown[] = [];
    list.push(list);
    expect(formatSummary(list)).toBe("Array(1) [Array(1) [Array(1)]]");
  });

  it("shows a throwing getter's error instead of throwing", () => {
    const tricky = Object.defineProperty({}, "bad", {
      enumerable: true,
      get() {
        throw new RangeError("nope");
      },
    });
    expect(formatSummary(tricky)).toBe("{bad: RangeError: nope}");
  });
});

describe("formatAtom", () => {
  it("formats functions, dates, errors and regexps", () => {
    expect(formatAtom(function add(a: number, b: number) { return a + b; })).toBe("ƒ add(…)");
    expect(formatAtom(async () => 1)).toBe("async ƒ(…)");
    expect(formatAtom(class Foo {})).toBe("class Foo");
    expect(formatAtom(new Date(Date.UTC(2020, 0, 2)))).toBe("2020-01-02T00:00:00.000Z");
    expect(formatAtom(new Date(NaN))).toBe("Invalid Date");
    expect(formatAtom(/a+/g)).toBe("/a+/g");
    expect(formatAtom(new TypeError("bad"))).toBe("TypeError: bad");
  });
});

describe("formatError", () => {
  it("drops the name of a plain Error and keeps the others", () => {
    expect(formatError(new Error("boom"))).toBe("boom");
    expect(formatError(new SyntaxError("x"))).toBe("SyntaxError: x");
    expect(formatError("thrown string")).toBe("thrown string");
    expect(formatError({ code: 1 })).toBe("{code: 1}");
  });
});

describe("listEntries", () => {
  it("pages through arrays", () => {
    const { entries, total } = listEntries(Array.from({ length: 250 }, (_, i) => i * 2), 100, 100);
    expect(total).toBe(250);
    expect(entries).toHaveLength(100);
    expect(entries[0]).toEqual({ key: "100", value: 200 });
  });

  it("lists Map entries with their keys and objects by own keys", () => {
    expect(listEntries(new Map([[{ k: 1 }, "v"]]), 0, 10).entries).toEqual([{ key: "{k: 1} =>", value: "v" }]);
    expect(listEntries({ a: 1, b: 2 }, 1, 10)).toEqual({ entries: [{ key: "b", value: 2 }], total: 2 });
    expect(listEntries(new Set(["x"]), 0, 10).entries).toEqual([{ key: "0", value: "x" }]);
  });
});

describe("isExpandable and formatTag", () => {
  it("expands containers but not atoms", () => {
    expect(isExpandable([])).toBe(true);
    expect(isExpandable({})).toBe(true);
    expect(isExpandable(new Date())).toBe(false);
    expect(isExpandable(new Error("x"))).toBe(false);
    expect(isExpandable(() => 1)).toBe(false);
    expect(isExpandable(null)).toBe(false);
  });

  it("tags containers by kind and size", () => {
    expect(formatTag([1])).toBe("Array(1)");
    expect(formatTag(Object.create(null))).toBe("Object");
    expect(formatTag({})).toBe("");
    expect(formatTag(Promise.resolve())).toBe("Promise");
  });
});

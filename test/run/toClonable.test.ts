// Probe values cross the worker boundary by structured clone; what it refuses comes back described.
import { describe, expect, it } from "vitest";
import { toClonable } from "../../src/run/toClonable.ts";

describe("toClonable", () => {
  it("passes what structured clone takes unchanged", () => {
    const date = new Date(0);
    const value = { n: 1, s: "a", list: [1, [2]], map: new Map([["k", 1]]), set: new Set([1]), date, big: 2n, nothing: null, typed: new Float64Array([1.5]) };
    expect(toClonable(value)).toEqual(value);
    expect(structuredClone(toClonable(value))).toEqual(value);
  });

  it("describes functions and symbols, inside containers too, and keeps cycles", () => {
    function double(x: number) {
      return x * 2;
    }
    const cyclic: Record<string, unknown> = { f: double, s: Symbol("tag") };
    cyclic.self = cyclic;
    const copy = toClonable(cyclic) as Record<string, unknown>;
    expect(copy.f).toEqual({ $type: "function", name: "double", source: expect.stringContaining("x * 2") });
    expect(copy.s).toEqual({ $type: "other", text: "Symbol(tag)" });
    expect(copy.self).toBe(copy);
    expect(() => structuredClone(copy)).not.toThrow();
  });

  it("copies a class instance as its own fields", () => {
    class Point {
      constructor(
        readonly x: number,
        readonly y: number,
      ) {}
      norm() {
        return Math.hypot(this.x, this.y);
      }
    }
    expect(toClonable(new Point(3, 4))).toEqual({ x: 3, y: 4 });
    expect(toClonable(Promise.resolve(1))).toEqual({ $type: "other", text: "[object Promise]" });
  });
});

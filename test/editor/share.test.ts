import fc from "fast-check";
import { deflateSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { decodeShare, encodeShare, SHARE_PREFIX, type SharedState } from "../../src/editor/share.ts";

const lesson = "derivatives";
const seed = 20261126;
const link = (value: unknown) =>
  SHARE_PREFIX + Buffer.from(deflateSync(strToU8(typeof value === "string" ? value : JSON.stringify(value)))).toString("base64url");

const state: SharedState = {
  v: 1,
  lesson,
  cells: { a1b2c3: "const w = 2.5;\n// <script>alert(1)</script>", d4e5: "x ** 2" },
  inputs: { alpha: 0.1, method: "adam", on: true, points: [1, 2, 3], none: null },
};

describe("share links", () => {
  it("round-trip", () => {
    const hash = encodeShare(state)!;
    expect(hash.startsWith(SHARE_PREFIX)).toBe(true);
    expect(hash).toMatch(/^#share=[A-Za-z0-9_-]+$/);
    expect(decodeShare(hash, lesson)).toEqual({ ok: true, state });
  });

  it("round-trip any valid state (property, seeded)", () => {
    const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,16}$/);
    const name = fc.stringMatching(/^[a-zA-Z_$][a-zA-Z0-9_$]{0,10}$/);
    const scalar = fc.oneof(fc.constant(null), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ maxLength: 50 }));
    const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 5 }));
    fc.assert(
      fc.property(fc.dictionary(id, fc.string({ maxLength: 200 }), { maxKeys: 5 }), fc.dictionary(name, value, { maxKeys: 5 }), (cells, inputs) => {
        const shared: SharedState = { v: 1, lesson, cells, inputs };
        const decoded = decodeShare(encodeShare(shared)!, lesson);
        expect(decoded).toEqual({ ok: true, state: JSON.parse(JSON.stringify(shared)) });
      }),
      { seed, numRuns: 200 },
    );
  });

  it("refuse hostile links without throwing (property, seeded)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (garbage) => {
        const result = decodeShare(SHARE_PREFIX + garbage, lesson);
        expect(typeof result.ok).toBe("boolean");
        if (result.ok) expect(result.state.lesson).toBe(lesson);
      }),
      { seed, numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const result = decodeShare(link(json), lesson);
        expect(result.ok).toBe(false);
      }),
      { seed, numRuns: 300 },
    );
  });

  it("refuse wrong types, wrong lessons, bad names and zip bombs", () => {
    const bad: unknown[] = [
      { ...state, v: 2 },
      { ...state, lesson: "other" },
      { ...state, cells: { "not an id!": "x" } },
      { ...state, cells: { abc: 42 } },
      { ...state, cells: [] },
      { ...state, inputs: { "1x": 1 } },
      { ...state, inputs: { x: { nested: true } } },
      { ...state, inputs: { x: [[[1]]] } },
      { ...state, cells: { abc: "x".repeat(100_001) } },
    ];
    for (const value of bad) expect(decodeShare(link(value), lesson).ok).toBe(false);
    expect(decodeShare(link({ ...state, lesson: "other" }), lesson)).toEqual({ ok: false, reason: expect.stringMatching(/another lesson/) });
    expect(decodeShare(link("not json at all"), lesson).ok).toBe(false);
    // 20 MB of spaces deflate to a few kB: it must be refused without inflating it all.
    const bomb = link(`{"v":1,"lesson":"${lesson}","cells":{},"inputs":{}${" ".repeat(20_000_000)}}`);
    expect(bomb.length).toBeLessThan(64_000);
    expect(decodeShare(bomb, lesson).ok).toBe(false);
    expect(decodeShare(SHARE_PREFIX + "x".repeat(70_000), lesson)).toEqual({ ok: false, reason: expect.stringMatching(/too long/) });
    expect(decodeShare("#other", lesson).ok).toBe(false);
  });

  it("refuse to encode edits too large for a link", () => {
    const random = fc.sample(fc.string({ minLength: 100_000, maxLength: 100_000 }), { seed, numRuns: 1 })[0]!;
    expect(encodeShare({ ...state, cells: { a: random } })).toBeUndefined();
  });
});

// The fingerprint comparison the page, lesson check and lesson verify share.

import { describe, expect, it } from "vitest";
import { encodeProbe, findFirstMismatch, isSameProbe, matchesSeal, sealDigits, sealProbe, type FingerprintVariant } from "../../src/contract/exercise.ts";

const place = { exercise: "dLdw", probe: 1, seed: 1, tolerance: 1e-6 };

describe("encodeProbe", () => {
  it("keeps plain data and tags what JSON cannot hold", () => {
    expect(encodeProbe([1, -0, NaN, Infinity, undefined, "a", { b: 1, a: [true] }])).toEqual([1, 0, { $number: "NaN" }, { $number: "Infinity" }, { $type: "undefined" }, "a", { a: [true], b: 1 }]);
    expect(encodeProbe(new Map([["x", 1]]))).toEqual({ $map: [["x", 1]] });
    expect(encodeProbe(new Float64Array([0.5]))).toEqual([0.5]);
    expect(encodeProbe({ $type: "function", name: "f", source: "x => x" })).toEqual(encodeProbe((x: number) => x));
  });
});

describe("isSameProbe", () => {
  it("compares numbers within a relative tolerance, with an absolute floor near zero", () => {
    expect(isSameProbe(-40, -40 * (1 + 5e-7), 1e-6)).toBe(true);
    expect(isSameProbe(-40, -40.001, 1e-6)).toBe(false);
    expect(isSameProbe(0, 1e-15, 1e-6)).toBe(true);
    expect(isSameProbe(0, 1e-9, 1e-6)).toBe(false);
    expect(isSameProbe(encodeProbe(NaN), encodeProbe(NaN), 1e-6)).toBe(true);
  });
  it("compares arrays and objects deeply", () => {
    expect(isSameProbe([1, { a: 2 }], [1, { a: 2 + 1e-9 }], 1e-6)).toBe(true);
    expect(isSameProbe([1, 2], [1, 2, 3], 1e-6)).toBe(false);
    expect(isSameProbe({ a: 1 }, { a: 1, b: 2 }, 1e-6)).toBe(false);
    expect(isSameProbe({ a: 1 }, [1], 1e-6)).toBe(false);
    expect(isSameProbe("1", 1, 1e-6)).toBe(false);
  });
});

describe("sealed probes", () => {
  it("rounds to about -log10(tolerance) significant digits", () => {
    expect(sealDigits(1e-6)).toBe(6);
    expect(sealDigits(1e-3)).toBe(3);
    expect(sealDigits(0)).toBe(15);
  });
  it("matches the value within tolerance, across a rounding boundary, and nothing far off", async () => {
    const hash = await sealProbe(0.1234565, place);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await matchesSeal(hash, 0.1234565, place)).toBe(true);
    expect(await matchesSeal(hash, 0.12345649999, place)).toBe(true);
    expect(await matchesSeal(hash, 0.1234566 + 1e-9, place)).toBe(true);
    expect(await matchesSeal(hash, 0.12346, place)).toBe(false);
    expect(await matchesSeal(hash, 0, place)).toBe(false);
  });
  it("binds the hash to its exercise, probe and seed", async () => {
    const hash = await sealProbe(-40, place);
    expect(await matchesSeal(hash, -40, { ...place, probe: 2 })).toBe(false);
    expect(await matchesSeal(hash, -40, { ...place, seed: 2 })).toBe(false);
    expect(await matchesSeal(hash, -40, { ...place, exercise: "other" })).toBe(false);
  });
});

describe("findFirstMismatch", () => {
  it("names the first probe that differs, sealed or not", async () => {
    const variant: FingerprintVariant = { seed: 1, expected: [{ value: -68 }, { hash: await sealProbe(-40, place) }, { value: 2 }] };
    expect(await findFirstMismatch("dLdw", variant, [-68, -40, 2], 1e-6)).toBe(-1);
    expect(await findFirstMismatch("dLdw", variant, [-68, 0, 0], 1e-6)).toBe(1);
    expect(await findFirstMismatch("dLdw", variant, [0, -40, 2], 1e-6)).toBe(0);
    expect(await findFirstMismatch("dLdw", variant, [-68, -40], 1e-6)).toBe(2);
  });
});

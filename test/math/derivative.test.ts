import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { derivative, gradient, secantSlope } from "../../src/math/index.ts";

describe("derivative", () => {
  it("reproduces the chapter's intuitions: x² at 3 → 6, a constant → 0, 3x + 7 → 3", () => {
    expect(derivative((x) => x * x, 3)).toBeCloseTo(6, 8);
    expect(derivative(() => 5, 1.7)).toBe(0);
    expect(derivative((x) => 3 * x + 7, -4)).toBeCloseTo(3, 8);
  });

  it("agrees with known derivatives (sin, exp) at seeded random points", () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), (x) => {
        expect(derivative(Math.sin, x)).toBeCloseTo(Math.cos(x), 8);
        expect(derivative(Math.exp, x)).toBeCloseTo(Math.exp(x), 7);
      }),
      { seed: 42 },
    );
  });
});

describe("secantSlope", () => {
  it("is 2x + Δx for x² (the ratio before the limit), tending to 6 at x = 3", () => {
    expect(secantSlope((x) => x * x, 3, 1)).toBeCloseTo(7, 12);
    expect(secantSlope((x) => x * x, 3, 0.1)).toBeCloseTo(6.1, 12);
    expect(secantSlope((x) => x * x, 3, -0.5)).toBeCloseTo(5.5, 12);
    expect(Math.abs(secantSlope((x) => x * x, 3, 1e-6) - 6)).toBeLessThan(1e-5);
  });
});

describe("gradient", () => {
  it("is [2x, 6y] for x² + 3y² and one entry per coordinate", () => {
    const g = gradient((p) => p[0]! ** 2 + 3 * p[1]! ** 2, [1.5, -2]);
    expect(g).toHaveLength(2);
    expect(g[0]).toBeCloseTo(3, 8);
    expect(g[1]).toBeCloseTo(-12, 8);
  });

  it("does not mutate the point", () => {
    const point = [1, 2, 3];
    gradient((p) => p.reduce((a, b) => a + b * b, 0), point);
    expect(point).toEqual([1, 2, 3]);
  });
});

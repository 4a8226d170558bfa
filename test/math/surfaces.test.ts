import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bowl, contourGrid, elongatedBowl, gradient, himmelblau, isInDomain, lineFit, rosenbrock, saddle, surfaces } from "../../src/math/index.ts";

const all = [bowl, elongatedBowl, rosenbrock, himmelblau, saddle, lineFit];

describe("surfaces", () => {
  it("are registered by name", () => {
    expect(Object.keys(surfaces)).toEqual(["bowl", "elongatedBowl", "rosenbrock", "himmelblau", "saddle", "lineFit"]);
    for (const s of all) expect(surfaces[s.name]).toBe(s);
  });

  for (const s of all) {
    it(`${s.name}: the analytic gradient agrees with the numeric one over the domain`, () => {
      const { x, y } = s.domain;
      fc.assert(
        fc.property(fc.double({ min: x[0], max: x[1], noNaN: true }), fc.double({ min: y[0], max: y[1], noNaN: true }), (px, py) => {
          const analytic = s.grad([px, py]);
          const numeric = gradient(s.f, [px, py], 1e-6);
          const scale = 1 + Math.hypot(...analytic);
          expect(Math.abs(analytic[0]! - numeric[0]!) / scale).toBeLessThan(1e-6);
          expect(Math.abs(analytic[1]! - numeric[1]!) / scale).toBeLessThan(1e-6);
        }),
        { seed: 42 },
      );
    });

    it(`${s.name}: starts inside its domain`, () => {
      expect(isInDomain(s, s.start)).toBe(true);
      expect(s.label.length).toBeGreaterThan(0);
    });
  }

  it("have the textbook minima, each a zero of the gradient with lower loss than its neighbours", () => {
    expect(bowl.minima).toEqual([[0, 0]]);
    expect(elongatedBowl.minima).toEqual([[0, 0]]);
    expect(rosenbrock.minima).toEqual([[1, 1]]);
    expect(himmelblau.minima).toHaveLength(4);
    expect(himmelblau.minima[0]).toEqual([3, 2]);
    // Himmelblau 1972: the other three are near (−2.805118, 3.131312), (−3.779310, −3.283186), (3.584428, −1.848126).
    const published = [[-2.805118, 3.131312], [-3.77931, -3.283186], [3.584428, -1.848126]];
    published.forEach(([px, py], i) => {
      expect(himmelblau.minima[i + 1]![0]).toBeCloseTo(px!, 5);
      expect(himmelblau.minima[i + 1]![1]).toBeCloseTo(py!, 5);
    });
    // The chapter's points lie exactly on y = 2x + 1.
    expect(lineFit.minima).toEqual([[2, 1]]);
    expect(lineFit.f([0, 0])).toBe(83);
    expect(lineFit.grad([0, 0])).toEqual([-68, -30]);
    for (const s of [bowl, elongatedBowl, rosenbrock, himmelblau, lineFit]) {
      for (const m of s.minima) {
        expect(s.f(m)).toBeCloseTo(0, 12);
        for (const g of s.grad(m)) expect(Math.abs(g)).toBeLessThan(1e-9);
        for (const [dx, dy] of [[1e-3, 0], [-1e-3, 0], [0, 1e-3], [0, -1e-3], [1e-3, 1e-3]]) {
          expect(s.f([m[0]! + dx!, m[1]! + dy!])).toBeGreaterThan(s.f(m));
        }
      }
    }
  });

  it("saddle: a stationary point at the origin that is no minimum", () => {
    expect(saddle.minima).toEqual([]);
    expect(saddle.grad([0, 0]).map(Math.abs)).toEqual([0, 0]);
    expect(saddle.f([0, 0.1])).toBeLessThan(saddle.f([0, 0]));
    expect(saddle.f([0.1, 0])).toBeGreaterThan(saddle.f([0, 0]));
  });
});

describe("contourGrid", () => {
  it("samples pixel centroids row by row from (x1, y1), as Plot's raster reads them", () => {
    const grid = contourGrid(bowl, 4, 2);
    expect(grid).toMatchObject({ width: 4, height: 2, x1: -2, x2: 2, y1: -2, y2: 2 });
    expect(grid.values).toHaveLength(8);
    // Centroids x ∈ {−1.5, −0.5, 0.5, 1.5}, y ∈ {−1, 1}.
    expect(Array.from(grid.values)).toEqual([3.25, 1.25, 1.25, 3.25, 3.25, 1.25, 1.25, 3.25]);
    const skew = contourGrid(saddle, 2, 2); // x ∈ {−1, 1}, y ∈ {−1, 1} → 0 everywhere
    expect(Array.from(skew.values)).toEqual([0, 0, 0, 0]);
    const row = contourGrid(rosenbrock, 1, 2); // x = 0, y ∈ {0, 2}: 1 + 100y²
    expect(Array.from(row.values)).toEqual([1, 401]);
  });

  it("applies an optional transform", () => {
    expect(Array.from(contourGrid(bowl, 1, 1, (z) => z + 1).values)).toEqual([1]);
  });
});

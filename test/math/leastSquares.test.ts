import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  derivative,
  exampleData,
  leastSquaresSlope,
  meanSquaredGrad,
  meanSquaredLoss,
  sumSquaredCurvature,
  sumSquaredGrad,
  sumSquaredLoss,
} from "../../src/math/index.ts";

describe("the chapter's worked example", () => {
  it("uses the points (1,3), (2,5), (3,7)", () => {
    expect(exampleData.map(({ x, y }) => [x, y])).toEqual([[1, 3], [2, 5], [3, 7]]);
  });

  it("has L(0) = 9 + 25 + 49 = 83 and L(2) = 1 + 1 + 1 = 3", () => {
    expect(sumSquaredLoss(0)).toBe(83);
    expect(sumSquaredLoss(2)).toBe(3);
  });

  it("has dL/dw = 28w − 68 (so −68 at 0 and 27.2 at 3.4)", () => {
    expect(sumSquaredGrad(0)).toBe(-68);
    expect(sumSquaredGrad(3.4)).toBeCloseTo(27.2, 12);
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (w) => {
        expect(sumSquaredGrad(w)).toBeCloseTo(28 * w - 68, 9);
      }),
      { seed: 42 },
    );
  });

  it("has analytic gradients that match the numeric derivative of the loss", () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (w) => {
        expect(sumSquaredGrad(w)).toBeCloseTo(derivative(sumSquaredLoss, w), 4);
        expect(meanSquaredGrad(w)).toBeCloseTo(derivative(meanSquaredLoss, w), 4);
      }),
      { seed: 42 },
    );
  });

  it("has a mean variant one third of the sum (the NumPy listing averages)", () => {
    expect(meanSquaredLoss(0)).toBeCloseTo(83 / 3, 12);
    expect(meanSquaredGrad(0)).toBeCloseTo(-68 / 3, 12);
  });

  it("has its optimum at Σxy/Σx² = 34/14 = 68/28, where the gradient vanishes", () => {
    expect(leastSquaresSlope()).toBeCloseTo(68 / 28, 15);
    expect(sumSquaredGrad(68 / 28)).toBeCloseTo(0, 12);
    expect(sumSquaredCurvature()).toBe(28);
  });
});

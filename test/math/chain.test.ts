import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chain, compose, derivative } from "../../src/math/index.ts";
import type { Layer } from "../../src/math/index.ts";

const square: Layer = { name: "square", f: (x) => x * x, df: (x) => 2 * x };
const affine: Layer = { name: "3x + 1", f: (x) => 3 * x + 1, df: () => 3 };
const sine: Layer = { name: "sin", f: Math.sin, df: Math.cos };
const tanh: Layer = { name: "tanh", f: Math.tanh, df: (x) => 1 - Math.tanh(x) ** 2 };

describe("chain", () => {
  it("computes y = sin(3x² + 1)... forward and backward by hand at x = 2", () => {
    // f₁ = x² → 4; f₂ = 3·4 + 1 → 13; f₃ = sin(13).
    const result = chain([square, affine, sine], 2);
    expect(result.forward.map((r) => r.output)).toEqual([4, 13, Math.sin(13)]);
    expect(result.output).toBe(Math.sin(13));
    // Backward, last layer first: cos(13); cos(13)·3; cos(13)·3·(2·2).
    expect(result.backward.map((r) => r.layer)).toEqual(["sin", "3x + 1", "square"]);
    expect(result.backward.map((r) => r.local)).toEqual([Math.cos(13), 3, 4]);
    expect(result.backward[1]!.product).toBeCloseTo(3 * Math.cos(13), 14);
    expect(result.derivative).toBeCloseTo(12 * Math.cos(13), 14);
  });

  it("matches the numeric derivative of the composition (seeded property)", () => {
    const stacks = [[square, affine, sine], [affine, tanh, square], [sine, square, affine, tanh]];
    fc.assert(
      fc.property(fc.double({ min: -1.5, max: 1.5, noNaN: true }), fc.integer({ min: 0, max: 2 }), (x, k) => {
        const layers = stacks[k]!;
        expect(chain(layers, x).derivative).toBeCloseTo(derivative(compose(layers), x), 5);
      }),
      { seed: 42 },
    );
  });

  it("returns the input itself and derivative 1 for an empty stack", () => {
    expect(chain([], 3)).toEqual({ forward: [], backward: [], output: 3, derivative: 1 });
  });
});

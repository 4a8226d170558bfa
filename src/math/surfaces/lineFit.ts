// The chapter's data as a two-parameter loss: fit y = w·x + b to (1,3), (2,5), (3,7),
// L(w, b) = Σᵢ (w·xᵢ + b − yᵢ)², ∇L = (Σ 2xᵢrᵢ, Σ 2rᵢ) with rᵢ = w·xᵢ + b − yᵢ. The data lie
// exactly on y = 2x + 1, so the minimum is (2, 1) with L = 0. Hessian [[28, 12], [12, 6]]:
// eigenvalues 17 ± √265 ≈ 33.3 and 0.72, a long narrow valley (condition number ≈ 46).
// Source: least squares, Strang, Introduction to Linear Algebra, §4.3.

import { exampleData } from "../leastSquares.ts";
import type { Surface } from "./surface.ts";

/** The loss of the line y = w·x + b on the chapter's data, over (w, b); minimum (2, 1). */
export const lineFit: Surface = {
  name: "lineFit",
  label: "Line fit  L(w, b) on the chapter's data",
  f: (p) => {
    let sum = 0;
    for (const { x, y } of exampleData) {
      const r = p[0]! * x + p[1]! - y;
      sum += r * r;
    }
    return sum;
  },
  grad: (p) => {
    let gw = 0;
    let gb = 0;
    for (const { x, y } of exampleData) {
      const r = p[0]! * x + p[1]! - y;
      gw += 2 * x * r;
      gb += 2 * r;
    }
    return [gw, gb];
  },
  minima: [[2, 1]],
  domain: { x: [-1, 5], y: [-3, 5] },
  start: [0, 0],
};

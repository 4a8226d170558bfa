// The elongated bowl f(x, y) = x² + 10y², ∇f = (2x, 20y); minimum at the origin, condition
// number 10: plain descent zig-zags across the narrow valley, momentum smooths it out.
// Source: Nocedal & Wright, Numerical Optimization, §3.3 (ill-conditioned quadratics); Goh,
// "Why Momentum Really Works", Distill 2017.

import type { Surface } from "./surface.ts";

/** The elongated bowl x² + 10y², minimum (0, 0). */
export const elongatedBowl: Surface = {
  name: "elongatedBowl",
  label: "Elongated bowl  x² + 10y²",
  f: (p) => p[0]! * p[0]! + 10 * p[1]! * p[1]!,
  grad: (p) => [2 * p[0]!, 20 * p[1]!],
  minima: [[0, 0]],
  domain: { x: [-3, 3], y: [-1.5, 1.5] },
  start: [-2.6, 1.0],
};

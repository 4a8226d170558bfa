// The round bowl f(x, y) = x² + y², ∇f = (2x, 2y); one minimum at the origin, condition number 1.
// Source: the textbook quadratic, e.g. Nocedal & Wright, Numerical Optimization, §3.3.

import type { Surface } from "./surface.ts";

/** The round bowl x² + y², minimum (0, 0). */
export const bowl: Surface = {
  name: "bowl",
  label: "Round bowl  x² + y²",
  f: (p) => p[0]! * p[0]! + p[1]! * p[1]!,
  grad: (p) => [2 * p[0]!, 2 * p[1]!],
  minima: [[0, 0]],
  domain: { x: [-2, 2], y: [-2, 2] },
  start: [-1.6, 1.2],
};

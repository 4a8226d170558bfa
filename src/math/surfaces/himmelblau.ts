// Himmelblau's function f(x, y) = (x² + y − 11)² + (x + y² − 7)²,
// ∇f = (4x(x² + y − 11) + 2(x + y² − 7), 2(x² + y − 11) + 4y(x + y² − 7)); four minima, all with
// f = 0: (3, 2) and three irrational ones (refined here by Newton's method to full precision).
// Source: Himmelblau 1972, Applied Nonlinear Programming, McGraw-Hill.

import type { Surface } from "./surface.ts";

/** Himmelblau's function, four minima where f = 0. */
export const himmelblau: Surface = {
  name: "himmelblau",
  label: "Himmelblau (four minima)",
  f: (p) => {
    const x = p[0]!;
    const y = p[1]!;
    return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2;
  },
  grad: (p) => {
    const x = p[0]!;
    const y = p[1]!;
    const a = x * x + y - 11;
    const b = x + y * y - 7;
    return [4 * x * a + 2 * b, 2 * a + 4 * y * b];
  },
  minima: [
    [3, 2],
    [-2.805118086952745, 3.131312518250573],
    [-3.779310253377747, -3.2831859912861696],
    [3.5844283403304917, -1.8481265269644034],
  ],
  domain: { x: [-5, 5], y: [-5, 5] },
  start: [-0.5, -0.5],
};

// Rosenbrock's function f(x, y) = (1 − x)² + 100(y − x²)²,
// ∇f = (−2(1 − x) − 400x(y − x²), 200(y − x²)); minimum (1, 1) at the end of a curved valley.
// Standard start (−1.2, 1). Source: Rosenbrock 1960, "An automatic method for finding the
// greatest or least value of a function", The Computer Journal 3(3).

import type { Surface } from "./surface.ts";

/** Rosenbrock's banana valley (a = 1, b = 100), minimum (1, 1). */
export const rosenbrock: Surface = {
  name: "rosenbrock",
  label: "Rosenbrock (banana valley)",
  f: (p) => {
    const x = p[0]!;
    const y = p[1]!;
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
  },
  grad: (p) => {
    const x = p[0]!;
    const y = p[1]!;
    return [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)];
  },
  minima: [[1, 1]],
  domain: { x: [-2, 2], y: [-1, 3] },
  start: [-1.2, 1],
};

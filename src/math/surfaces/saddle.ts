// The saddle f(x, y) = x² − y², ∇f = (2x, −2y): a stationary point at the origin that is no
// minimum. Descent started off the x-axis slides toward the origin and then escapes along ±y;
// the loss is unbounded below, so there is nothing to converge to.
// Source: Goodfellow, Bengio & Courville, Deep Learning, §4.3.1 (saddle points); Dauphin et al. 2014.

import type { Surface } from "./surface.ts";

/** The saddle x² − y²: no minimum, descent escapes along y. */
export const saddle: Surface = {
  name: "saddle",
  label: "Saddle  x² − y² (no minimum)",
  f: (p) => p[0]! * p[0]! - p[1]! * p[1]!,
  grad: (p) => [2 * p[0]!, -2 * p[1]!],
  minima: [],
  domain: { x: [-2, 2], y: [-2, 2] },
  start: [-1.8, 0.05],
};

// Stochastic gradient descent, PyTorch `torch.optim.SGD` with momentum = 0:
// g ← g + λp (weight decay);  p ← p − γ·g.  PyTorch's default lr is 1e-3.
// Source: PyTorch docs, torch.optim.SGD (algorithm box); Robbins & Monro 1951.

import { makeStep } from "./optimizer.ts";
import type { Optimizer } from "./optimizer.ts";

/** SGD hyperparameters (PyTorch names, camelCase). */
export interface SgdOptions {
  lr: number;
  weightDecay: number;
}

/** Plain gradient descent p ← p − lr·g (PyTorch SGD; lr defaults to 1e-3). */
export function sgd(options: Partial<SgdOptions> = {}): Optimizer<SgdOptions> {
  const { lr = 1e-3, weightDecay = 0 } = options;
  const resolved: SgdOptions = { lr, weightDecay };
  const step = makeStep(() => (_i, p, g) => p - lr * (g + weightDecay * p));
  return { name: "SGD", options: resolved, step, reset() {} };
}

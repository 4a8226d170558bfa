// Adam as PyTorch `torch.optim.Adam` defines it (amsgrad off):
// g ← g + λp;  m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;
// m̂ = m/(1 − β₁ᵗ);  v̂ = v/(1 − β₂ᵗ);  p ← p − γ·m̂/(√v̂ + ε).
// Defaults lr 1e-3, betas (0.9, 0.999), eps 1e-8. Because of the bias correction the first step
// is γ·g/(|g| + ε) ≈ γ in every coordinate.
// Source: PyTorch docs, torch.optim.Adam; Kingma & Ba 2015, "Adam", Algorithm 1.

import { ensureState, makeStep } from "./optimizer.ts";
import type { Optimizer } from "./optimizer.ts";

/** Adam hyperparameters (PyTorch names, camelCase; betas as beta1/beta2). */
export interface AdamOptions {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
}

/** Adam with bias correction (PyTorch defaults: lr 1e-3, betas 0.9/0.999, eps 1e-8). */
export function adam(options: Partial<AdamOptions> = {}): Optimizer<AdamOptions> {
  const { lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weightDecay = 0 } = options;
  const resolved: AdamOptions = { lr, beta1, beta2, eps, weightDecay };
  let first: Float64Array | null = null;
  let second: Float64Array | null = null;
  let t = 0;
  const step = makeStep((n) => {
    const m = (first = ensureState(first, n));
    const v = (second = ensureState(second, n));
    t += 1;
    const c1 = 1 - beta1 ** t;
    const c2 = 1 - beta2 ** t;
    return (i, p, g0) => {
      const g = g0 + weightDecay * p;
      m[i] = beta1 * m[i]! + (1 - beta1) * g;
      v[i] = beta2 * v[i]! + (1 - beta2) * g * g;
      return p - (lr * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + eps);
    };
  });
  return {
    name: "Adam",
    options: resolved,
    step,
    reset() {
      first = second = null;
      t = 0;
    },
  };
}

// Heavy-ball momentum as PyTorch `torch.optim.SGD(momentum=μ, dampening=τ)` defines it:
// g ← g + λp;  b ← g on the first step, else b ← μb + (1 − τ)g;  p ← p − γ·b.
// (PyTorch's form, v = μv + g; p −= lr·v, not Sutskever's v = μv − lr·g; they agree for fixed lr.)
// Source: PyTorch docs, torch.optim.SGD; Polyak 1964; Sutskever et al. 2013, eq. (1)–(2).

import { ensureState, makeStep } from "./optimizer.ts";
import type { Optimizer } from "./optimizer.ts";

/** Momentum hyperparameters (PyTorch names, camelCase). */
export interface MomentumOptions {
  lr: number;
  momentum: number;
  dampening: number;
  weightDecay: number;
}

/** SGD with momentum, PyTorch style: v = μv + g; p −= lr·v (lr 1e-3, μ 0.9 by default). */
export function momentum(options: Partial<MomentumOptions> = {}): Optimizer<MomentumOptions> {
  // PyTorch's SGD defaults momentum to 0, which would make this plain SGD; 0.9 is the customary value.
  const { lr = 1e-3, momentum: mu = 0.9, dampening = 0, weightDecay = 0 } = options;
  const resolved: MomentumOptions = { lr, momentum: mu, dampening, weightDecay };
  let buffer: Float64Array | null = null;
  let first = true;
  const step = makeStep((n) => {
    const b = (buffer = ensureState(buffer, n));
    const isFirst = first;
    first = false;
    return (i, p, g0) => {
      const g = g0 + weightDecay * p;
      b[i] = isFirst ? g : mu * b[i]! + (1 - dampening) * g;
      return p - lr * b[i]!;
    };
  });
  return {
    name: "Momentum",
    options: resolved,
    step,
    reset() {
      buffer = null;
      first = true;
    },
  };
}

// Nesterov momentum as PyTorch `torch.optim.SGD(momentum=μ, nesterov=True)` defines it:
// g ← g + λp;  b ← g on the first step, else b ← μb + g;  p ← p − γ·(g + μb).
// Source: PyTorch docs, torch.optim.SGD; Nesterov 1983; Sutskever et al. 2013, eq. (3)–(4).

import { ensureState, makeStep } from "./optimizer.ts";
import type { Optimizer } from "./optimizer.ts";

/** Nesterov hyperparameters (PyTorch names, camelCase; dampening must be 0 for Nesterov). */
export interface NesterovOptions {
  lr: number;
  momentum: number;
  weightDecay: number;
}

/** Nesterov accelerated gradient, PyTorch style: v = μv + g; p −= lr·(g + μv) (lr 1e-3, μ 0.9). */
export function nesterov(options: Partial<NesterovOptions> = {}): Optimizer<NesterovOptions> {
  const { lr = 1e-3, momentum: mu = 0.9, weightDecay = 0 } = options;
  const resolved: NesterovOptions = { lr, momentum: mu, weightDecay };
  let buffer: Float64Array | null = null;
  let first = true;
  const step = makeStep((n) => {
    const b = (buffer = ensureState(buffer, n));
    const isFirst = first;
    first = false;
    return (i, p, g0) => {
      const g = g0 + weightDecay * p;
      b[i] = isFirst ? g : mu * b[i]! + g;
      return p - lr * (g + mu * b[i]!);
    };
  });
  return {
    name: "Nesterov",
    options: resolved,
    step,
    reset() {
      buffer = null;
      first = true;
    },
  };
}

// AdaGrad as PyTorch `torch.optim.Adagrad` defines it:
// g ← g + λp;  γ̃ = γ / (1 + (t − 1)η);  s ← s + g²;  p ← p − γ̃·g / (√s + ε).
// Defaults lr 1e-2, lr_decay 0, initial_accumulator_value 0, eps 1e-10.
// Source: PyTorch docs, torch.optim.Adagrad; Duchi, Hazan & Singer 2011, JMLR 12.

import { ensureState, makeStep } from "./optimizer.ts";
import type { Optimizer } from "./optimizer.ts";

/** AdaGrad hyperparameters (PyTorch names, camelCase). */
export interface AdagradOptions {
  lr: number;
  lrDecay: number;
  weightDecay: number;
  initialAccumulatorValue: number;
  eps: number;
}

/** AdaGrad: per-coordinate steps lr·g/(√Σg² + ε) (PyTorch defaults: lr 1e-2, eps 1e-10). */
export function adagrad(options: Partial<AdagradOptions> = {}): Optimizer<AdagradOptions> {
  const { lr = 1e-2, lrDecay = 0, weightDecay = 0, initialAccumulatorValue = 0, eps = 1e-10 } = options;
  const resolved: AdagradOptions = { lr, lrDecay, weightDecay, initialAccumulatorValue, eps };
  let sum: Float64Array | null = null;
  let t = 0;
  const step = makeStep((n) => {
    const s = (sum = ensureState(sum, n, initialAccumulatorValue));
    t += 1;
    const clr = lr / (1 + (t - 1) * lrDecay);
    return (i, p, g0) => {
      const g = g0 + weightDecay * p;
      s[i] = s[i]! + g * g;
      return p - (clr * g) / (Math.sqrt(s[i]!) + eps);
    };
  });
  return {
    name: "AdaGrad",
    options: resolved,
    step,
    reset() {
      sum = null;
      t = 0;
    },
  };
}

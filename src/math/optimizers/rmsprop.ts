// RMSProp as PyTorch `torch.optim.RMSprop` defines it:
// g ← g + λp;  v ← αv + (1 − α)g²;  centered: ḡ ← αḡ + (1 − α)g, ṽ = v − ḡ², else ṽ = v;
// momentum μ > 0: b ← μb + g/(√ṽ + ε), p ← p − γb;  else p ← p − γ·g/(√ṽ + ε).
// Defaults lr 1e-2, alpha 0.99, eps 1e-8, momentum 0, centered false.
// Source: PyTorch docs, torch.optim.RMSprop; Hinton, Srivastava & Swersky, Neural Networks for
// Machine Learning, lecture 6e (2012).

import { ensureState, makeStep } from "./optimizer.ts";
import type { Optimizer } from "./optimizer.ts";

/** RMSProp hyperparameters (PyTorch names, camelCase). */
export interface RmspropOptions {
  lr: number;
  alpha: number;
  eps: number;
  weightDecay: number;
  momentum: number;
  centered: boolean;
}

/** RMSProp: steps lr·g/(√(running mean of g²) + ε) (PyTorch defaults: lr 1e-2, alpha 0.99). */
export function rmsprop(options: Partial<RmspropOptions> = {}): Optimizer<RmspropOptions> {
  const { lr = 1e-2, alpha = 0.99, eps = 1e-8, weightDecay = 0, momentum: mu = 0, centered = false } = options;
  const resolved: RmspropOptions = { lr, alpha, eps, weightDecay, momentum: mu, centered };
  let square: Float64Array | null = null;
  let mean: Float64Array | null = null;
  let buffer: Float64Array | null = null;
  const step = makeStep((n) => {
    const v = (square = ensureState(square, n));
    const gAvg = (mean = ensureState(mean, n));
    const b = (buffer = ensureState(buffer, n));
    return (i, p, g0) => {
      const g = g0 + weightDecay * p;
      v[i] = alpha * v[i]! + (1 - alpha) * g * g;
      let vTilde = v[i]!;
      if (centered) {
        gAvg[i] = alpha * gAvg[i]! + (1 - alpha) * g;
        vTilde -= gAvg[i]! * gAvg[i]!;
      }
      const scaled = g / (Math.sqrt(vTilde) + eps);
      if (mu > 0) {
        b[i] = mu * b[i]! + scaled;
        return p - lr * b[i]!;
      }
      return p - lr * scaled;
    };
  });
  return {
    name: "RMSProp",
    options: resolved,
    step,
    reset() {
      square = mean = buffer = null;
    },
  };
}

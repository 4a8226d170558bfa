// Heavy-ball momentum whose update rule is given as a function, so a lesson can run a student's
// `momentumStep(w, v, g, lr, μ) → [w, v]` on the same surfaces as the library's optimizers.
// With the rule v ← μv + g; w ← w − lr·v and v₀ = 0 it follows momentum() exactly (PyTorch's form,
// whose first step b ← g is μ·0 + g). Source: PyTorch docs, torch.optim.SGD; Polyak 1964.

import { ensureState, makeStep } from "./optimizer.ts";
import type { Optimizer } from "./optimizer.ts";

/** One coordinate's momentum update: from w, velocity v and gradient g, the new [w, v]. */
export type MomentumStep = (w: number, v: number, g: number, lr: number, mu: number) => readonly number[];

/** Options of momentumFromStep: the learning rate, μ (default 0.9) and the name runs show. */
export interface MomentumFromStepOptions {
  lr: number;
  momentum: number;
  name: string;
}

/**
 * An optimizer applying `update` to each coordinate, keeping each coordinate's velocity. A rule
 * that throws, or returns no pair of numbers, stops the run with an error naming the step.
 */
export function momentumFromStep(update: MomentumStep, options: Partial<MomentumFromStepOptions> = {}): Optimizer<MomentumFromStepOptions> {
  const { lr = 1e-3, momentum: mu = 0.9, name = "Momentum" } = options;
  const resolved: MomentumFromStepOptions = { lr, momentum: mu, name };
  let velocity: Float64Array | null = null;
  let count = 0;
  const step = makeStep((n) => {
    const v = (velocity = ensureState(velocity, n));
    const at = ++count;
    return (i, p, g) => {
      const next = update(p, v[i]!, g, lr, mu);
      if (!Array.isArray(next) || next.length < 2 || typeof next[0] !== "number" || typeof next[1] !== "number") {
        throw new TypeError(`step ${at}: the update returned ${describe(next)}, not [new w, new v]`);
      }
      v[i] = next[1];
      return next[0];
    };
  });
  return {
    name,
    options: resolved,
    step,
    reset() {
      velocity = null;
      count = 0;
    },
  };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return value === null ? "null" : typeof value === "object" ? "an object" : String(value);
}

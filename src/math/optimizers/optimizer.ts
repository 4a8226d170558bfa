// The shape every optimizer shares: a small stateful stepper over parameter vectors, p ← step(p, ∇L(p)).
// Source: PyTorch docs, torch.optim.Optimizer (step() and per-parameter state).

import type { Vector } from "../vector.ts";

/** A stateful optimizer: `step(params, grad)` returns new parameters and never mutates its inputs. */
export interface Optimizer<Options extends object = object> {
  /** Display name, e.g. "Adam". */
  readonly name: string;
  /** The resolved hyperparameters (PyTorch defaults filled in). */
  readonly options: Readonly<Options>;
  /** One update; returns a Float64Array for a Float64Array input, else a number[]. */
  step(params: Float64Array, grad: Vector): Float64Array;
  step(params: readonly number[], grad: Vector): number[];
  step(params: Vector, grad: Vector): number[] | Float64Array;
  /** Forgets all state (moments, accumulators, step count). */
  reset(): void;
}

/** Per-coordinate update rule: returns the new value of coordinate i given p and g. */
export type CoordinateUpdate = (i: number, p: number, g: number) => number;

/**
 * Builds the step function around a per-coordinate update: checks lengths, allocates the output
 * in the caller's array kind, and calls `begin(n)` once per step (to grow state and count steps).
 */
export function makeStep(begin: (n: number) => CoordinateUpdate): Optimizer["step"] {
  function step(params: Float64Array, grad: Vector): Float64Array;
  function step(params: readonly number[], grad: Vector): number[];
  function step(params: Vector, grad: Vector): number[] | Float64Array;
  function step(params: Vector, grad: Vector): number[] | Float64Array {
    const n = params.length;
    if (grad.length !== n) throw new RangeError(`gradient has ${grad.length} entries, parameters ${n}`);
    const update = begin(n);
    const out = params instanceof Float64Array ? new Float64Array(n) : new Array<number>(n);
    for (let i = 0; i < n; i++) out[i] = update(i, params[i]!, grad[i]!);
    return out;
  }
  return step;
}

/** Allocates per-coordinate state of length n, or checks that it still has length n. */
export function ensureState(state: Float64Array | null, n: number, initial = 0): Float64Array {
  if (state === null) return new Float64Array(n).fill(initial);
  if (state.length !== n) throw new RangeError(`optimizer state has ${state.length} entries, parameters ${n}; call reset()`);
  return state;
}

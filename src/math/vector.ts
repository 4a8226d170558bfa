// The parameter-vector type shared by gradients, optimizers and surfaces: a point w ∈ ℝⁿ and a
// scalar field L: ℝⁿ → ℝ. Source: Nocedal & Wright, Numerical Optimization (2nd ed.), §2.1 (notation).

/** A parameter vector: a plain array or a Float64Array (never mutated by this package). */
export type Vector = readonly number[] | Float64Array;

/** A scalar function of a parameter vector, e.g. a loss L(W). */
export type ScalarField = (point: readonly number[]) => number;

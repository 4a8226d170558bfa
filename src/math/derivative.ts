// Finite-difference derivatives of f: ℝ → ℝ.
// Central difference f'(x) ≈ (f(x+h) − f(x−h)) / 2h, error O(h²); forward (secant) difference
// (f(x+Δx) − f(x)) / Δx, the limit in f'(x) = lim_{Δx→0} (f(x+Δx) − f(x)) / Δx.
// Source: Nocedal & Wright, Numerical Optimization (2nd ed.), §8.1 "Finite-difference derivative
// approximations".

/** The central-difference estimate of f′(x) with step h (error O(h²)). */
export function derivative(f: (x: number) => number, x: number, h = 1e-5): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

/** The slope of the secant through (x, f(x)) and (x+Δx, f(x+Δx)): the ratio before the limit. */
export function secantSlope(f: (x: number) => number, x: number, dx: number): number {
  return (f(x + dx) - f(x)) / dx;
}

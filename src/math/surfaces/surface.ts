// The shape of a 2-D test surface: a loss L(x, y) with its analytic gradient and known minima.
// Source: Jamil & Yang 2013, "A literature survey of benchmark functions for global optimization
// problems", IJMMNO 4(2) (test functions given with their domain and minima).

/** A 2-D loss surface for the gradient descent visualisations. */
export interface Surface {
  /** Key, e.g. "rosenbrock". */
  readonly name: string;
  /** Human label, e.g. "Rosenbrock (banana valley)". */
  readonly label: string;
  /** The loss at p = [x, y]. */
  f(p: ArrayLike<number>): number;
  /** The analytic gradient [∂f/∂x, ∂f/∂y] at p. */
  grad(p: ArrayLike<number>): number[];
  /** Every local minimum (empty when there is none). */
  readonly minima: readonly (readonly number[])[];
  /** The region worth drawing. */
  readonly domain: { readonly x: readonly [number, number]; readonly y: readonly [number, number] };
  /** The standard starting point. */
  readonly start: readonly number[];
}

/** The distance from p to the nearest of the surface's minima (Infinity when it has none). */
export function distanceToMinimum(surface: Surface, p: ArrayLike<number>): number {
  let best = Infinity;
  for (const m of surface.minima) best = Math.min(best, Math.hypot(p[0]! - m[0]!, p[1]! - m[1]!));
  return best;
}

/** True when p lies inside the surface's drawing domain. */
export function isInDomain(surface: Surface, p: ArrayLike<number>): boolean {
  const { x, y } = surface.domain;
  return p[0]! >= x[0] && p[0]! <= x[1] && p[1]! >= y[0] && p[1]! <= y[1];
}

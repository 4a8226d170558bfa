// The gradient ∇L = [∂L/∂w₁, …, ∂L/∂wₙ] by central differences, one coordinate at a time:
// ∂L/∂wᵢ ≈ (L(w + h·eᵢ) − L(w − h·eᵢ)) / 2h.
// Source: Nocedal & Wright, Numerical Optimization (2nd ed.), §8.1, eq. (8.7).

import type { ScalarField, Vector } from "./vector.ts";

/** The central-difference gradient of f at point (one partial derivative per coordinate). */
export function gradient(f: ScalarField, point: Vector, h = 1e-5): number[] {
  const probe = Array.from(point);
  return probe.map((wi, i) => {
    probe[i] = wi + h;
    const up = f(probe);
    probe[i] = wi - h;
    const down = f(probe);
    probe[i] = wi;
    return (up - down) / (2 * h);
  });
}

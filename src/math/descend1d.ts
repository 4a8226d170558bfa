// Plain gradient descent in one dimension, w ← w − α·dL/dw, recorded as the chapter's step table.
// On a quadratic with curvature c = L″ the error obeys eₖ₊₁ = (1 − αc)·eₖ, so descent converges
// iff 0 < α < 2/c (here c = 28, threshold 2/28 ≈ 0.0714).
// Source: Nocedal & Wright, Numerical Optimization (2nd ed.), §3.3 (steepest descent on quadratics);
// Goodfellow, Bengio & Courville, Deep Learning, §4.3.

/** One row of the step table: the gradient at w and the w it leads to. */
export interface DescentRow {
  step: number;
  w: number;
  grad: number;
  next: number;
  loss: number;
}

/** Options of descend1d. */
export interface Descend1dOptions {
  grad: (w: number) => number;
  loss: (w: number) => number;
  w0: number;
  lr: number;
  steps: number;
  /** Stop early once |grad| falls below this (default: never). */
  tolerance?: number;
}

/** Runs `steps` steps of w ← w − lr·grad(w) and returns one row per step; stops at non-finite values. */
export function descend1d({ grad, loss, w0, lr, steps, tolerance = 0 }: Descend1dOptions): DescentRow[] {
  const rows: DescentRow[] = [];
  let w = w0;
  for (let step = 0; step < steps; step++) {
    const g = grad(w);
    const next = w - lr * g;
    rows.push({ step, w, grad: g, next, loss: loss(w) });
    if (!Number.isFinite(next) || Math.abs(g) < tolerance) break;
    w = next;
  }
  return rows;
}

/** How a run ended: settled at a point, still moving, or blowing up. */
export type RunVerdict = "converged" | "running" | "diverging";

/**
 * Classifies a step table: "diverging" when a value is non-finite or |w − w_last| keeps growing
 * over the last steps, "converged" when the last gradient is below `tolerance`, else "running".
 */
export function classifyRun(rows: readonly DescentRow[], tolerance = 1e-6): RunVerdict {
  const last = rows.at(-1);
  if (!last) return "running";
  if (![last.w, last.grad, last.next, last.loss].every(Number.isFinite)) return "diverging";
  if (Math.abs(last.grad) < tolerance) return "converged";
  // Step sizes |next − w| shrink geometrically when converging and grow when diverging.
  const tail = rows.slice(-4).map((r) => Math.abs(r.next - r.w));
  if (tail.length >= 3 && tail.every((s, i) => i === 0 || s > tail[i - 1]!)) return "diverging";
  return "running";
}

/** The largest stable learning rate 2/c for a quadratic loss with curvature c = L″ (2/28 here). */
export function divergenceThreshold(curvature: number): number {
  return 2 / curvature;
}

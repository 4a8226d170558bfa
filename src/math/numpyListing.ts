// The chapter's NumPy listing, line for line: mean-squared loss on (1,3), (2,5), (3,7),
// grad = 2·mean((w·x − y)·x), w ← w − lr·grad, printing every 10th step with Python's `:.4f`.
// Note the listing prints w AFTER the update but loss and grad from BEFORE it.
// Source: the chapter "Derivatives and Gradients" (L1-03), its NumPy listing; Python docs, "Format
// Specification Mini-Language" (the `:.4f` it prints with).

import { exampleData, meanSquaredGrad, meanSquaredLoss } from "./leastSquares.ts";
import type { DataPoint } from "./leastSquares.ts";
import { formatFixed } from "./formatFixed.ts";

/** Options of numpyListing (the listing's own values by default). */
export interface NumpyListingOptions {
  lr?: number;
  steps?: number;
  w0?: number;
  data?: readonly DataPoint[];
}

/** The lines the chapter's NumPy listing prints (the last one starts with "\n", as `print` shows). */
export function numpyListing({ lr = 0.05, steps = 50, w0 = 0, data = exampleData }: NumpyListingOptions = {}): string[] {
  const lines: string[] = [];
  let w = w0;
  for (let step = 0; step < steps; step++) {
    const loss = meanSquaredLoss(w, data);
    const grad = meanSquaredGrad(w, data);
    w = w - lr * grad;
    if (step % 10 === 0) {
      lines.push(`step ${step}: w=${formatFixed(w, 4)}, loss=${formatFixed(loss, 4)}, grad=${formatFixed(grad, 4)}`);
    }
  }
  lines.push(`\nFinal w = ${formatFixed(w, 4)}`);
  return lines;
}

// The chapter's worked example: fit y = w·x to (1,3), (2,5), (3,7).
// Sum of squares L(w) = Σᵢ (w·xᵢ − yᵢ)², dL/dw = Σᵢ 2xᵢ(w·xᵢ − yᵢ) = 28w − 68 on this data;
// the NumPy listing's mean variant is (1/n) of each. Closed-form optimum from dL/dw = 0:
// w* = Σxᵢyᵢ / Σxᵢ² (least squares through the origin) = 34/14 = 68/28 ≈ 2.4286.
// Source: the chapter "Derivatives and Gradients" (L1-03), worked example; Strang, Introduction to
// Linear Algebra, §4.3 (least squares).

/** One data point (x, y). */
export interface DataPoint {
  readonly x: number;
  readonly y: number;
}

/** The chapter's data: (1,3), (2,5), (3,7). */
export const exampleData: readonly DataPoint[] = Object.freeze([
  Object.freeze({ x: 1, y: 3 }),
  Object.freeze({ x: 2, y: 5 }),
  Object.freeze({ x: 3, y: 7 }),
]);

/** L(w) = Σ (w·xᵢ − yᵢ)², the chapter's loss. */
export function sumSquaredLoss(w: number, data: readonly DataPoint[] = exampleData): number {
  let sum = 0;
  for (const { x, y } of data) {
    const r = w * x - y;
    sum += r * r;
  }
  return sum;
}

/** dL/dw = Σ 2xᵢ(w·xᵢ − yᵢ), which is 28w − 68 on the chapter's data. */
export function sumSquaredGrad(w: number, data: readonly DataPoint[] = exampleData): number {
  let sum = 0;
  for (const { x, y } of data) sum += 2 * x * (w * x - y);
  return sum;
}

/** The NumPy listing's loss: mean((w·x − y)²), i.e. L(w)/n. */
export function meanSquaredLoss(w: number, data: readonly DataPoint[] = exampleData): number {
  let sum = 0;
  for (const { x, y } of data) {
    const r = w * x - y;
    sum += r * r;
  }
  return sum / data.length;
}

/** The NumPy listing's gradient: 2·mean((w·x − y)·x), i.e. (dL/dw)/n. */
export function meanSquaredGrad(w: number, data: readonly DataPoint[] = exampleData): number {
  // Same operation order as NumPy (residual times x, summed, divided by n, doubled), so the
  // listing's printed digits come out identical.
  let sum = 0;
  for (const { x, y } of data) sum += (w * x - y) * x;
  return 2 * (sum / data.length);
}

/** The exact minimiser of L(w): w* = Σxy / Σx² (68/28 on the chapter's data). */
export function leastSquaresSlope(data: readonly DataPoint[] = exampleData): number {
  let xy = 0;
  let xx = 0;
  for (const { x, y } of data) {
    xy += x * y;
    xx += x * x;
  }
  return xy / xx;
}

/** The curvature d²L/dw² = 2Σxᵢ² of the sum-of-squares loss (28 on the chapter's data). */
export function sumSquaredCurvature(data: readonly DataPoint[] = exampleData): number {
  let xx = 0;
  for (const { x } of data) xx += x * x;
  return 2 * xx;
}

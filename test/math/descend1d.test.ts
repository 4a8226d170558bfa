import { describe, expect, it } from "vitest";
import { classifyRun, descend1d, divergenceThreshold, sumSquaredGrad, sumSquaredLoss } from "../../src/math/index.ts";

const run = (lr: number, steps: number) =>
  descend1d({ grad: (w) => sumSquaredGrad(w), loss: (w) => sumSquaredLoss(w), w0: 0, lr, steps });

describe("descend1d on the chapter's example (w0 = 0, α = 0.05)", () => {
  const rows = run(0.05, 5);

  it("reproduces the step table", () => {
    expect(rows.map((r) => r.step)).toEqual([0, 1, 2, 3, 4]);
    expect(rows[0]!.w).toBe(0);
    expect(rows[0]!.grad).toBe(-68);
    expect(rows[0]!.next).toBeCloseTo(3.4, 12);
    expect(rows[1]!.w).toBeCloseTo(3.4, 12);
    expect(rows[1]!.grad).toBeCloseTo(27.2, 12);
    expect(rows[1]!.next).toBeCloseTo(2.04, 12);
    expect(rows[2]!.grad).toBeCloseTo(-10.88, 12);
    expect(rows[2]!.next).toBeCloseTo(2.584, 12);
    expect(rows[3]!.grad).toBeCloseTo(4.352, 12);
    expect(rows[3]!.next).toBeCloseTo(2.3664, 12);
    expect(rows[4]!.next).toBeCloseTo(2.45344, 12);
    expect(rows[0]!.loss).toBe(83);
  });

  it("chains rows: each row starts where the previous one ended", () => {
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.w).toBe(rows[i - 1]!.next);
  });

  it("converges to 68/28", () => {
    const long = run(0.05, 200);
    expect(long.at(-1)!.next).toBeCloseTo(68 / 28, 12);
    expect(classifyRun(long)).toBe("converged");
  });

  it("stops early once |grad| < tolerance", () => {
    const early = descend1d({ grad: sumSquaredGrad, loss: sumSquaredLoss, w0: 0, lr: 0.05, steps: 1000, tolerance: 1e-3 });
    expect(early.length).toBeLessThan(1000);
    expect(Math.abs(early.at(-1)!.grad)).toBeLessThan(1e-3);
    expect(Math.abs(early.at(-2)!.grad)).toBeGreaterThanOrEqual(1e-3);
  });
});

describe("divergence", () => {
  it("puts the threshold at 2/curvature = 2/28", () => {
    expect(divergenceThreshold(28)).toBeCloseTo(1 / 14, 15);
  });

  it("converges at α = 0.07 and diverges at α = 0.08 (|1 − 28α| < 1 or not)", () => {
    expect(classifyRun(run(0.07, 600))).toBe("converged"); // error shrinks by 0.96 per step
    const bad = run(0.08, 40);
    expect(classifyRun(bad)).toBe("diverging");
    // |w − w*| grows by |1 − 28·0.08| = 1.24 per step.
    const e = (w: number) => Math.abs(w - 68 / 28);
    expect(e(bad[11]!.w) / e(bad[10]!.w)).toBeCloseTo(1.24, 10);
  });

  it("reports a run that overflows as diverging and stops at the first non-finite value", () => {
    const rows = run(1, 1000);
    expect(rows.length).toBeLessThan(1000);
    expect(Number.isFinite(rows.at(-1)!.next)).toBe(false);
    expect(classifyRun(rows)).toBe("diverging");
  });

  it("calls a run that is still moving, neither growing nor settled, running", () => {
    expect(classifyRun(run(0.01, 3))).toBe("running");
    expect(classifyRun([])).toBe("running");
  });
});

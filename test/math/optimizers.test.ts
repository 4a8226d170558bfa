import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adagrad,
  adam,
  distanceToMinimum,
  isInDomain,
  momentum,
  nesterov,
  rmsprop,
  runOptimizer,
  saddle,
  sgd,
  surfaces,
} from "../../src/math/index.ts";
import type { Optimizer } from "../../src/math/index.ts";

const factories = { sgd, momentum, nesterov, adagrad, rmsprop, adam } as const;
type Name = keyof typeof factories;
const make = (name: Name, lr: number): Optimizer => factories[name]({ lr });

const p0 = [1, 2];
const g0 = [0.5, -1];

describe("PyTorch defaults", () => {
  it("match torch.optim's documented defaults", () => {
    expect(sgd().options).toEqual({ lr: 1e-3, weightDecay: 0 });
    // PyTorch's SGD has momentum 0 by default; the Momentum optimizer uses the customary 0.9.
    expect(momentum().options).toEqual({ lr: 1e-3, momentum: 0.9, dampening: 0, weightDecay: 0 });
    expect(nesterov().options).toEqual({ lr: 1e-3, momentum: 0.9, weightDecay: 0 });
    expect(adagrad().options).toEqual({ lr: 1e-2, lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10 });
    expect(rmsprop().options).toEqual({ lr: 1e-2, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, centered: false });
    expect(adam().options).toEqual({ lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 });
  });

  it("name each optimizer", () => {
    expect(Object.values(factories).map((f) => f().name)).toEqual(["SGD", "Momentum", "Nesterov", "AdaGrad", "RMSProp", "Adam"]);
  });
});

describe("update rules, by hand (p = [1, 2], g = [0.5, −1], lr = 0.1)", () => {
  it("SGD: p − lr·g", () => {
    const p = sgd({ lr: 0.1 }).step(p0, g0);
    expect(p[0]).toBeCloseTo(0.95, 15);
    expect(p[1]).toBeCloseTo(2.1, 15);
  });

  it("Momentum: v₁ = g, then v₂ = 0.9g + g = 1.9g", () => {
    const opt = momentum({ lr: 0.1 });
    const p1 = opt.step(p0, g0);
    expect(p1[0]).toBeCloseTo(1 - 0.05, 15);
    const p2 = opt.step(p1, g0);
    expect(p2[0]).toBeCloseTo(0.95 - 0.1 * 1.9 * 0.5, 15);
    expect(p2[1]).toBeCloseTo(2.1 + 0.1 * 1.9, 15);
  });

  it("Momentum with dampening τ: v₂ = μg + (1 − τ)g", () => {
    const opt = momentum({ lr: 1, momentum: 0.5, dampening: 0.5 });
    const p2 = opt.step(opt.step([0], [1]), [1]);
    expect(p2[0]).toBeCloseTo(-1 - (0.5 + 0.5), 15);
  });

  it("Nesterov: p − lr·(g + μv): 1.9g on step 1, 2.71g on step 2", () => {
    const opt = nesterov({ lr: 0.1 });
    const p1 = opt.step(p0, g0);
    expect(p1[0]).toBeCloseTo(1 - 0.1 * 1.9 * 0.5, 15);
    const p2 = opt.step(p1, g0);
    expect(p2[0]).toBeCloseTo(p1[0]! - 0.1 * 2.71 * 0.5, 15);
  });

  it("AdaGrad: lr·g/√(Σg²): lr·sign(g), then lr/√2·sign(g)", () => {
    const opt = adagrad({ lr: 0.1 });
    const p1 = opt.step(p0, g0);
    expect(p1[0]).toBeCloseTo(0.9, 9);
    expect(p1[1]).toBeCloseTo(2.1, 9);
    const p2 = opt.step(p1, g0);
    expect(p2[0]).toBeCloseTo(0.9 - 0.1 / Math.SQRT2, 9);
  });

  it("AdaGrad's lr_decay divides lr by 1 + (t − 1)·decay", () => {
    const opt = adagrad({ lr: 1, lrDecay: 1 });
    const p2 = opt.step(opt.step([0], [1]), [1]);
    expect(p2[0]).toBeCloseTo(-1 - 0.5 / Math.SQRT2, 9);
  });

  it("RMSProp: v₁ = 0.01g², so the first step is 10·lr (PyTorch's known behaviour)", () => {
    const p1 = rmsprop({ lr: 0.01 }).step(p0, g0);
    expect(p1[0]).toBeCloseTo(1 - 0.1, 6);
    expect(p1[1]).toBeCloseTo(2 + 0.1, 6);
  });

  it("Adam: the first step has size ≈ lr in every coordinate, whatever the gradient's scale", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.double({ min: 1e-4, max: 1, noNaN: true }),
        (magnitudes, signs, lr) => {
          const grad = magnitudes.map((m, i) => (signs[i] ? m : -m));
          const params = grad.map(() => 0);
          const next = adam({ lr }).step(params, grad);
          next.forEach((p, i) => {
            // |step| = lr·|g|/(|g| + ε): within ε/|g| ≤ 1e-5 of lr, relatively.
            expect(Math.abs(Math.abs(p) / lr - 1)).toBeLessThan(1e-4);
            expect(Math.sign(p)).toBe(-Math.sign(grad[i]!));
          });
        },
      ),
      { seed: 42 },
    );
  });

  it("Adam: with a constant gradient the bias-corrected step stays ≈ lr", () => {
    const opt = adam({ lr: 0.1 });
    let p = [0];
    for (let t = 0; t < 5; t++) p = opt.step(p, [3]);
    expect(p[0]).toBeCloseTo(-0.5, 6);
  });
});

describe("the stepper contract", () => {
  for (const name of Object.keys(factories) as Name[]) {
    it(`${name}: does not mutate, keeps the array kind, and reset() forgets state`, () => {
      const params = [1, -2];
      const grad = [0.3, 0.7];
      const opt = make(name, 0.1);
      const first = opt.step(params, grad);
      expect(params).toEqual([1, -2]);
      expect(grad).toEqual([0.3, 0.7]);
      expect(Array.isArray(first)).toBe(true);
      const typed = make(name, 0.1).step(new Float64Array(params), grad);
      expect(typed).toBeInstanceOf(Float64Array);
      expect(Array.from(typed)).toEqual(first);
      opt.step(first, grad);
      opt.reset();
      expect(opt.step(params, grad)).toEqual(first);
    });
  }

  it("rejects a gradient of the wrong length", () => {
    expect(() => adam().step([1, 2], [1])).toThrow(RangeError);
  });
});

// Each optimizer from each surface's standard start: the learning rate and step budget after
// which the point must lie within `tol` of a minimum. RMSProp and Adam take steps of roughly lr
// near the minimum, so they hover there; their tolerance is looser or their lr smaller.
//
//  optimizer  surface         lr      steps   tol
const table: [Name, string, number, number, number][] = [
  ["sgd", "bowl", 0.1, 60, 1e-3],
  ["sgd", "elongatedBowl", 0.05, 120, 1e-3],
  ["sgd", "rosenbrock", 0.001, 20000, 1e-3],
  ["sgd", "himmelblau", 0.01, 40, 1e-3],
  ["momentum", "bowl", 0.05, 200, 1e-3],
  ["momentum", "elongatedBowl", 0.02, 250, 1e-3],
  ["momentum", "rosenbrock", 0.001, 2500, 1e-3],
  ["momentum", "himmelblau", 0.01, 250, 1e-3],
  ["nesterov", "bowl", 0.1, 100, 1e-3],
  ["nesterov", "elongatedBowl", 0.05, 150, 1e-3],
  ["nesterov", "rosenbrock", 0.001, 2500, 1e-3],
  ["nesterov", "himmelblau", 0.005, 80, 1e-3],
  ["adagrad", "bowl", 0.5, 60, 1e-3],
  ["adagrad", "elongatedBowl", 0.5, 150, 1e-3],
  ["adagrad", "rosenbrock", 0.5, 12000, 1e-3],
  ["adagrad", "himmelblau", 0.5, 60, 1e-3],
  ["rmsprop", "bowl", 0.005, 3000, 1e-2],
  ["rmsprop", "elongatedBowl", 0.005, 3000, 1e-2],
  ["rmsprop", "rosenbrock", 0.001, 10000, 1e-2],
  ["rmsprop", "himmelblau", 0.005, 3000, 1e-2],
  ["adam", "bowl", 0.1, 250, 1e-3],
  ["adam", "elongatedBowl", 0.1, 300, 1e-3],
  ["adam", "rosenbrock", 0.02, 4000, 1e-3],
  ["adam", "himmelblau", 0.1, 300, 1e-3],
  ["sgd", "lineFit", 0.03, 300, 1e-3],
  ["momentum", "lineFit", 0.01, 250, 1e-3],
  ["nesterov", "lineFit", 0.01, 150, 1e-3],
  ["adagrad", "lineFit", 0.5, 1500, 1e-3],
  ["rmsprop", "lineFit", 0.005, 3000, 1e-2],
  ["adam", "lineFit", 0.1, 700, 1e-3],
];

describe("convergence from the standard starts", () => {
  for (const [name, surfaceName, lr, steps, tol] of table) {
    it(`${name} reaches the ${surfaceName} minimum (lr ${lr}, ${steps} steps, within ${tol})`, () => {
      const surface = surfaces[surfaceName]!;
      const run = runOptimizer(make(name, lr), surface, surface.start, steps);
      expect(run.diverged).toBe(false);
      expect(run.path).toHaveLength(steps + 1);
      expect(distanceToMinimum(surface, run.path.at(-1)!.point)).toBeLessThan(tol);
    });
  }
});

describe("divergence where theory says", () => {
  // On a quadratic with largest curvature c, plain descent is stable iff lr < 2/c.
  it("SGD on the round bowl (c = 2): lr 0.9 converges, lr 1.1 diverges", () => {
    const bowl = surfaces.bowl!;
    expect(runOptimizer(sgd({ lr: 0.9 }), bowl, bowl.start, 200).diverged).toBe(false);
    const bad = runOptimizer(sgd({ lr: 1.1 }), bowl, bowl.start, 10000);
    expect(bad.diverged).toBe(true);
    expect(bad.divergedAt).toBeGreaterThan(0);
    expect(bad.path.every((p) => p.point.every(Number.isFinite) && Number.isFinite(p.loss))).toBe(true);
  });

  it("SGD on the elongated bowl (c = 20): lr 0.09 converges, lr 0.11 diverges", () => {
    const s = surfaces.elongatedBowl!;
    const good = runOptimizer(sgd({ lr: 0.09 }), s, s.start, 1000);
    expect(distanceToMinimum(s, good.path.at(-1)!.point)).toBeLessThan(1e-6);
    expect(runOptimizer(sgd({ lr: 0.11 }), s, s.start, 10000).diverged).toBe(true);
  });

  it("SGD on the line-fit loss (largest curvature 17 + √265): stable below 2/33.28, not above", () => {
    const s = surfaces.lineFit!;
    const limit = 2 / (17 + Math.sqrt(265));
    expect(runOptimizer(sgd({ lr: 0.97 * limit }), s, s.start, 5000).diverged).toBe(false);
    expect(runOptimizer(sgd({ lr: 1.03 * limit }), s, s.start, 5000).diverged).toBe(true);
  });

  it("SGD on Rosenbrock from (−1.2, 1) blows up at lr 0.01", () => {
    const s = surfaces.rosenbrock!;
    expect(runOptimizer(sgd({ lr: 0.01 }), s, s.start, 1000).diverged).toBe(true);
  });
});

describe("the saddle has no minimum: descent leaves it", () => {
  //  optimizer   lr     leaves the domain within
  const escapes: [Name, number, number][] = [
    ["sgd", 0.1, 40],
    ["momentum", 0.05, 30],
    ["nesterov", 0.05, 30],
    ["adagrad", 0.5, 15],
    ["rmsprop", 0.01, 100],
    ["adam", 0.1, 40],
  ];
  for (const [name, lr, within] of escapes) {
    it(`${name} (lr ${lr}) leaves the domain along y within ${within} steps`, () => {
      const run = runOptimizer(make(name, lr), saddle, saddle.start, within);
      const out = run.path.findIndex((p) => !isInDomain(saddle, p.point));
      expect(out).toBeGreaterThan(0);
      const exit = run.path[out]!.point;
      expect(Math.abs(exit[1]!)).toBeGreaterThan(saddle.domain.y[1]);
      expect(run.path[out]!.loss).toBeLessThan(saddle.f(saddle.start));
    });
  }
});

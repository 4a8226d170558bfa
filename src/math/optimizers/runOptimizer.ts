// Runs an optimizer on a surface from a start point and records the path, stopping at the first
// non-finite point or loss (divergence) or once the point runs far outside the surface's domain.
// Source: Goodfellow, Bengio & Courville, Deep Learning, §8.3 (the training loop of Algorithms 8.1–8.7).

import type { Surface } from "../surfaces/surface.ts";
import type { Vector } from "../vector.ts";
import type { Optimizer } from "./optimizer.ts";

/** One point of an optimizer's path. */
export interface PathPoint {
  step: number;
  point: number[];
  loss: number;
}

/** A recorded run: the path and whether (and at which step) it diverged. */
export interface OptimizerRun {
  name: string;
  path: PathPoint[];
  diverged: boolean;
  /** The first step whose point or loss was non-finite or escaped; undefined when none. */
  divergedAt?: number;
}

/** Options of runOptimizer. */
export interface RunOptions {
  /** Treat |x| or |y| beyond this many domain widths from the domain as divergence (default 1e3). */
  escape?: number;
}

/** Resets `opt`, runs it for `steps` steps from `start` on `surface`, and records the path. */
export function runOptimizer(opt: Optimizer, surface: Surface, start: Vector, steps: number, options: RunOptions = {}): OptimizerRun {
  const { escape = 1e3 } = options;
  const width = Math.max(surface.domain.x[1] - surface.domain.x[0], surface.domain.y[1] - surface.domain.y[0]);
  const limit = escape * width;
  opt.reset();
  let point = Array.from(start);
  const path: PathPoint[] = [{ step: 0, point, loss: surface.f(point) }];
  for (let step = 1; step <= steps; step++) {
    const next = opt.step(point, surface.grad(point));
    const loss = surface.f(next);
    const escaped = !next.every((v) => Number.isFinite(v) && Math.abs(v) <= limit);
    if (escaped || !Number.isFinite(loss)) return { name: opt.name, path, diverged: true, divergedAt: step };
    point = next;
    path.push({ step, point, loss });
  }
  return { name: opt.name, path, diverged: false };
}

import { describe, expect, it } from "vitest";
import { momentum, momentumFromStep, runOptimizer, sgd, surfaces } from "../../src/math/index.ts";

// The rule the chapter's momentum exercise asks for, and the starter it gives (plain SGD).
const heavyBall = (w: number, v: number, g: number, lr: number, mu: number): [number, number] => {
  const velocity = mu * v + g;
  return [w - lr * velocity, velocity];
};
const starter = (w: number, v: number, g: number, lr: number): [number, number] => [w - lr * g, v];

describe("momentumFromStep", () => {
  it("follows momentum() exactly with the heavy-ball rule, on every surface", () => {
    for (const surface of Object.values(surfaces)) {
      const ours = runOptimizer(momentumFromStep(heavyBall, { lr: 0.002 }), surface, surface.start, 200);
      const library = runOptimizer(momentum({ lr: 0.002 }), surface, surface.start, 200);
      expect(ours.path, surface.name).toEqual(library.path);
      expect(ours.diverged).toBe(library.diverged);
    }
  });

  it("runs whatever rule it is given: the starter is plain SGD", () => {
    const surface = surfaces.himmelblau;
    const ours = runOptimizer(momentumFromStep(starter, { lr: 0.01 }), surface, [0, 0], 50);
    expect(ours.path).toEqual(runOptimizer(sgd({ lr: 0.01 }), surface, [0, 0], 50).path);
  });

  it("keeps one velocity per coordinate and forgets them on reset", () => {
    const opt = momentumFromStep(heavyBall, { lr: 0.1, momentum: 0.5 });
    expect(opt.step([1, 2], [1, -2])).toEqual([1 - 0.1 * 1, 2 + 0.1 * 2]);
    // v = [1, −2] now: 0.5·1 + 1 = 1.5 and 0.5·(−2) − 2 = −3.
    expect(opt.step([0, 0], [1, -2])).toEqual([-0.15000000000000002, 0.30000000000000004]);
    opt.reset();
    expect(opt.step([0, 0], [1, -2])).toEqual([-0.1, 0.2]);
  });

  it("names the step when the rule returns no pair of numbers, and passes on what it throws", () => {
    const bad = momentumFromStep(() => [1] as unknown as [number, number]);
    expect(() => bad.step([0], [1])).toThrow("step 1: the update returned an array of 1, not [new w, new v]");
    const thrower = momentumFromStep(() => {
      throw new Error("not written yet");
    });
    expect(() => thrower.step([0], [1])).toThrow("not written yet");
  });
});

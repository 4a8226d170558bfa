// The prerender's time limit: per cell that runs, and stretched by the machine's load.
import { describe, expect, it } from "vitest";
import { compileLesson } from "../../src/compile/index.ts";
import { DEFAULT_TIMEOUT_MS } from "../../src/run/index.ts";
import { findPrerenderLimit } from "../../src/vite/prerenderSite.ts";

const lessonOf = (cells: number, listings = 0) =>
  compileLesson(`---\ntitle: t\n---\n\n${"```ts\n1 + 1\n```\n\n".repeat(cells)}${"```ts run=false\n2\n```\n\n".repeat(listings)}`, { file: "t.md" });

describe("findPrerenderLimit", () => {
  it("gives each cell that runs time of its own, listings none", () => {
    const small = findPrerenderLimit(lessonOf(1), 0);
    expect(small).toBeGreaterThan(DEFAULT_TIMEOUT_MS);
    expect(findPrerenderLimit(lessonOf(1, 500), 0)).toBe(small);
    expect(findPrerenderLimit(lessonOf(1001), 0) - findPrerenderLimit(lessonOf(1), 0)).toBe(1000 * (small - DEFAULT_TIMEOUT_MS));
  });

  it("stretches the limit by the load per core, never shrinks it", () => {
    const lesson = lessonOf(10);
    const idle = findPrerenderLimit(lesson, 0.2);
    expect(findPrerenderLimit(lesson, 1)).toBe(idle);
    expect(findPrerenderLimit(lesson, 10)).toBe(10 * idle);
  });
});

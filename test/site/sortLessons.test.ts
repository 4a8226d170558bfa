import { describe, expect, it } from "vitest";
import type { LessonEntry } from "../../src/site/describeLesson.ts";
import { sortLessons } from "../../src/site/sortLessons.ts";

const entry = (slug: string, fields: Partial<LessonEntry> = {}): LessonEntry => ({
  slug,
  path: `/l/${slug}.md`,
  title: slug,
  minutes: 1,
  items: [],
  errors: 0,
  prerequisites: [],
  ...fields,
});

describe("sortLessons", () => {
  it("sorts by order, then chapter (numerically), then file", () => {
    const sorted = sortLessons([
      entry("z"),
      entry("y", { chapter: "L1-10" }),
      entry("x", { chapter: "L1-9" }),
      entry("w", { order: 2 }),
      entry("v", { order: 1, chapter: "L9" }),
      entry("a"),
    ]);
    expect(sorted.map((e) => e.slug)).toEqual(["v", "w", "x", "y", "a", "z"]);
  });

  it("puts the lessons the course config orders first, in its order, and the others after as before", () => {
    const sorted = sortLessons([entry("c", { order: 1 }), entry("b", { order: 2 }), entry("a", { order: 3 }), entry("d")], ["a", "b", "missing"]);
    expect(sorted.map((e) => e.slug)).toEqual(["a", "b", "c", "d"]);
  });

});

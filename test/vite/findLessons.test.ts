import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { countReadingMinutes, findLessonFiles, isLessonFile, slugOf, sortLessons } from "../../src/vite/findLessons.ts";
import type { LessonEntry } from "../../src/vite/findLessons.ts";

const entry = (slug: string, fields: Partial<LessonEntry> = {}): LessonEntry => ({
  slug,
  path: `/l/${slug}.md`,
  title: slug,
  minutes: 1,
  errors: 0,
  ...fields,
});

describe("findLessons", () => {
  it("takes .md files, leaving out those starting with _ or .", () => {
    expect(isLessonFile("intro.md")).toBe(true);
    expect(isLessonFile("_draft.md")).toBe(false);
    expect(isLessonFile(".hidden.md")).toBe(false);
    expect(isLessonFile("notes.txt")).toBe(false);
  });

  it("lists the lessons of a folder, not of its sub-folders", () => {
    const dir = mkdtempSync(join(tmpdir(), "lessons-"));
    for (const name of ["b.md", "a.md", "_partial.md", ".x.md", "image.png"]) writeFileSync(join(dir, name), "# x");
    mkdirSync(join(dir, "_assets"));
    writeFileSync(join(dir, "_assets", "c.md"), "# c");
    expect(findLessonFiles(dir).map(slugOf)).toEqual(["a", "b"]);
    expect(findLessonFiles(join(dir, "missing"))).toEqual([]);
  });

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

  it("counts reading time at ~200 words a minute, prose only", () => {
    const words = (n: number) => Array.from({ length: n }, () => "word").join(" ");
    expect(countReadingMinutes("")).toBe(1);
    expect(countReadingMinutes(words(1000))).toBe(5);
    const code = "```ts\n" + words(5000) + "\n```\n";
    const frontMatter = "---\ntitle: " + words(3000) + "\n---\n";
    expect(countReadingMinutes(frontMatter + words(600) + "\n\n" + code)).toBe(3);
  });
});

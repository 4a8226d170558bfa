import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findLessonFiles, isLessonFile, slugOf } from "../../src/site/findLessons.ts";

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

});

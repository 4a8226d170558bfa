// Folders everywhere: a folder given to a command means the lessons directly in it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expandLessons } from "../../src/cli/expandLessons.ts";
import { findChromium } from "../../src/check/findChromium.ts";

const dir = mkdtempSync(join(tmpdir(), "expand-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("expandLessons", () => {
  it("turns a folder into its lessons (drafts left out), keeps files as given, and names empty folders", () => {
    mkdirSync(join(dir, "lessons"));
    mkdirSync(join(dir, "empty"));
    for (const name of ["b.md", "a.md", "_draft.md", "notes.txt"]) writeFileSync(join(dir, "lessons", name), "# x\n");
    const { files, empty } = expandLessons([join(dir, "lessons"), join(dir, "lessons", "_draft.md"), join(dir, "lessons", "a.md"), join(dir, "empty"), "missing.md"]);
    expect(files).toEqual([join(dir, "lessons", "a.md"), join(dir, "lessons", "b.md"), join(dir, "lessons", "_draft.md"), "missing.md"]);
    expect(empty).toEqual([join(dir, "empty")]);
  });
});

describe("findChromium", () => {
  it("takes CHROMIUM_PATH, else the first usual place, else says how to get one", () => {
    const file = join(dir, "chrome");
    writeFileSync(file, "");
    expect(findChromium({ CHROMIUM_PATH: file }, [])).toEqual({ path: file });
    expect(findChromium({ CHROMIUM_PATH: join(dir, "nope") }, [file])).toMatchObject({ missing: expect.stringContaining("CHROMIUM_PATH") });
    expect(findChromium({}, [join(dir, "nope"), file])).toEqual({ path: file });
    expect(findChromium({}, [join(dir, "nope")])).toMatchObject({ missing: expect.stringContaining("apt-get install chromium") });
  });
});

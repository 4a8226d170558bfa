// `lesson new`: a lesson from the template that passes `lesson check`, never overwriting a file.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { runCheck } from "../../src/cli/check.ts";
import { runNew } from "../../src/cli/new.ts";
import { capture } from "./capture.ts";

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("lesson new", { timeout: 60_000 }, () => {
  test("creates a lesson that passes lesson check, and refuses to overwrite it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lesson-new-"));
    scratch.push(dir);
    const created = await capture(() => runNew(["gradient-descent", "--title", "Gradient descent", "--dir", dir]));
    expect(created.code).toBe(0);
    expect(created.out).toContain("npm start");
    const path = join(dir, "gradient-descent.md");
    const text = readFileSync(path, "utf8");
    expect(text).toMatch(/^---\ntitle: "Gradient descent"\nchapter: .*\norder: 1\nsummary: .*\nminutes: \d+\n---\n/);
    expect((await capture(() => runCheck([path, "--no-run"]))).code).toBe(0);
    expect((await capture(() => runCheck([path, "--no-run", "--json"]))).out).toBe("[]");

    const again = await capture(() => runNew(["gradient-descent", "--dir", dir]));
    expect(again.code).toBe(1);
    expect(again.err).toContain("already exists");
    expect(readFileSync(path, "utf8")).toBe(text);

    await capture(() => runNew(["second-one", "--dir", dir]));
    expect(readFileSync(join(dir, "second-one.md"), "utf8")).toMatch(/\ntitle: "Second one"\nchapter: "L1-02" .*\norder: 2\n/);
  });

  test("expects exactly one slug", async () => {
    expect((await capture(() => runNew([]))).code).toBe(1);
    const two = await capture(() => runNew(["one", "two", "--dir", tmpdir()]));
    expect(two.code).toBe(1);
    expect(two.err).toContain("expected exactly one slug");
  });

  test("rejects a slug that is not lower-case words and hyphens", async () => {
    for (const slug of ["Bad Slug", "../escape", "_draft", "trailing-"]) {
      const { code, err } = await capture(() => runNew([slug, "--dir", tmpdir()]));
      expect(code).toBe(1);
      expect(err).toContain("not a valid slug");
    }
  });
});

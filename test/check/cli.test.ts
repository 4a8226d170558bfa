// `lesson check` and `lesson new` as an instructor runs them (without the headless run).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { runCheck } from "../../src/cli/check.ts";
import { runNew } from "../../src/cli/new.ts";

const fixture = (name: string) => `test/fixtures/check/${name}`;

/** Runs a command and captures what it prints. */
async function capture(run: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...args) => void out.push(args.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...args) => void err.push(args.join(" ")));
  try {
    return { code: await run(), out: out.join("\n"), err: err.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("lesson check", { timeout: 60_000 }, () => {
  test("a clean lesson passes with exit 0", async () => {
    const { code, out } = await capture(() => runCheck([fixture("clean.md"), "--no-run"]));
    expect(out).toBe("");
    expect(code).toBe(0);
  });

  test("human output: file:line:col severity message, sorted, exit 1 on errors", async () => {
    const { code, out } = await capture(() => runCheck([fixture("type-across-cells.md"), fixture("no-title.md"), "--no-run"]));
    expect(code).toBe(1);
    expect(out.split("\n")).toEqual([
      `${fixture("no-title.md")}:1:1 error front matter has no title: add \`title: …\` between the --- lines at the top`,
      `${fixture("type-across-cells.md")}:14:3 error Property 'toUpperCase' does not exist on type 'number'.`,
    ]);
  });

  test("warnings alone exit 0; --json lists {file, line, column, severity, code, message, cell}", async () => {
    const { code, out } = await capture(() => runCheck([fixture("unlabelled-slider.md"), "--no-run", "--json"]));
    expect(code).toBe(0);
    const problems = JSON.parse(out);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: fixture("unlabelled-slider.md"), line: 6, column: 16, severity: "warning", code: "lint" });
    expect(Object.keys(problems[0]).sort()).toEqual(["cell", "code", "column", "file", "line", "message", "severity"]);
  });
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
    expect(readFileSync(join(dir, "second-one.md"), "utf8")).toMatch(/\ntitle: "Second one"\n[\s\S]*\norder: 2\n/);
  });

  test("rejects a slug that is not lower-case words and hyphens", async () => {
    for (const slug of ["Bad Slug", "../escape", "_draft", "trailing-"]) {
      const { code, err } = await capture(() => runNew([slug, "--dir", tmpdir()]));
      expect(code).toBe(1);
      expect(err).toContain("not a valid slug");
    }
  });
});

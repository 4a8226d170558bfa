// `lesson check` as an instructor runs it, without the headless run (test/e2e/check.test.ts runs it).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { runCheck } from "../../src/cli/check.ts";
import { capture } from "./capture.ts";

const fixture = (name: string) => `test/fixtures/check/${name}`;

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

  test("a file it cannot read is an error of its own", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lesson-check-"));
    scratch.push(dir);
    const { code, out } = await capture(() => runCheck([join(dir, "missing.md"), "--no-run"]));
    expect(code).toBe(1);
    // An unreadable file has no place in it: the line is `file severity message`.
    expect(out.startsWith(`${join(dir, "missing.md")} error cannot read the lesson: `)).toBe(true);
  });

  test("with no files, checks lessons/*.md of the working folder (drafts left out), and says so when there is none", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lesson-check-"));
    scratch.push(dir);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const empty = await capture(() => runCheck(["--no-run"]));
      expect(empty.code).toBe(1);
      expect(empty.err).toContain("no lessons to check");
      mkdirSync("lessons");
      writeFileSync("lessons/a.md", "---\ntitle: A\n---\n\n# A\n");
      writeFileSync("lessons/_draft.md", "```ts\nconst = ;\n```\n");
      const found = await capture(() => runCheck(["--no-run"]));
      expect(found.code).toBe(0);
      expect(found.err).toBe("1 lesson checked: 0 errors, 0 warnings");
    } finally {
      process.chdir(cwd);
    }
  });

  test("an unknown option prints the usage and exits 1; --help exits 0", async () => {
    const bad = await capture(() => runCheck(["--bogus"]));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("Usage: lesson check");
    const help = await capture(() => runCheck(["--help"]));
    expect(help.code).toBe(0);
    expect(help.out).toContain("Usage: lesson check");
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

// `lesson build`: the static site, and a failing build printing each error in the lessons once.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runBuild } from "../../src/cli/build.ts";
import { capture } from "./capture.ts";

// Under node_modules so the lessons resolve this package's dependencies, like the bundled ones.
const scratch = fileURLToPath(new URL("../../node_modules/.live-lesson-test/", import.meta.url));
mkdirSync(scratch, { recursive: true });
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function writeLessons(files: Record<string, string>): string {
  const dir = mkdtempSync(join(scratch, "cli-build-"));
  dirs.push(dir);
  mkdirSync(join(dir, "lessons"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, "lessons", name), text);
  return dir;
}

describe("lesson build", { timeout: 120_000 }, () => {
  it("refuses a missing folder, and an output folder that would erase the lessons", async () => {
    const missing = await capture(() => runBuild([join(scratch, "no-such-folder")]));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("lesson build: no folder");
    const dir = writeLessons({ "a.md": "# A\n" });
    const erase = await capture(() => runBuild([join(dir, "lessons"), "--out", dir]));
    expect(erase.code).toBe(1);
    expect(erase.err).toContain("would hold (and erase) the lessons");
    expect(existsSync(join(dir, "lessons", "a.md"))).toBe(true);
  });

  it("builds the site and, with --json, prints the lessons' problems", async () => {
    const dir = writeLessons({ "a.md": "---\ntitle: A\n---\n\n```ts\nconst z = 1;\nyield z;\n```\n" });
    const { code, out } = await capture(() => runBuild([join(dir, "lessons"), "--out", join(dir, "dist"), "--json"]));
    expect(code).toBe(0);
    expect(existsSync(join(dir, "dist", "a.html"))).toBe(true);
    expect(JSON.parse(out)).toMatchObject([{ file: expect.stringMatching(/a\.md$/), line: 6, column: 7, severity: "warning", code: "generator-declarations" }]);
  });

  it("fails on every error lesson check reports (types and links too), printing each once as file:line:col message, then a one-line summary", async () => {
    const dir = writeLessons({
      "bad.md": "# Bad\n\n```ts\nconst x = 1;\n```\n\n```ts\nconst x = 2;\n```\n\n```ts\nconst = ;\n```\n\nSee [good](good.md#nowhere).\n\n```ts\nconst n: number = \"one\";\n```\n",
      "good.md": "---\ntitle: Good\n---\n\n# Good\n",
    });
    const { code, err } = await capture(() => runBuild([join(dir, "lessons"), "--out", join(dir, "dist")]));
    expect(code).toBe(1);
    const file = relative(process.cwd(), join(dir, "lessons", "bad.md"));
    const lines = err.split("\n").filter((line) => line.includes("bad.md"));
    expect(lines.map((line) => line.slice(0, line.indexOf(" ")))).toEqual([`${file}:1:1`, `${file}:8:7`, `${file}:12:7`, `${file}:15:12`, `${file}:18:7`]);
    expect(lines[1]).toBe(`${file}:8:7 "x" is defined more than once: it is also defined at line 4, column 7`);
    expect(lines[2]).toBe(`${file}:12:7 SyntaxError: Unexpected token`);
    expect(lines[3]).toContain('good.md has no heading or id "nowhere"');
    expect(lines[4]).toContain("is not assignable to type 'number'");
    expect(err).toContain("lesson build failed: 5 errors in the lessons");
    expect(err).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, "dist", "bad.html"))).toBe(false);
  });

  it("--no-typecheck leaves type errors out of the build", async () => {
    const dir = writeLessons({ "a.md": "---\ntitle: A\n---\n\n```ts\nconst n: number = \"one\";\n```\n" });
    const { code, err } = await capture(() => runBuild([join(dir, "lessons"), "--out", join(dir, "dist"), "--no-typecheck"]));
    expect(err).not.toContain("error");
    expect(code).toBe(0);
    expect(existsSync(join(dir, "dist", "a.html"))).toBe(true);
  });
});

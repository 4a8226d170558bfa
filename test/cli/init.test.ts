// `lesson init`: a course folder with every file a course needs, never overwriting one.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { runCheck } from "../../src/cli/check.ts";
import { runInit } from "../../src/cli/init.ts";
import { parseCourseConfig } from "../../src/site/readCourseConfig.ts";
import { capture } from "./capture.ts";

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const version = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version as string;

describe("lesson init", { timeout: 60_000 }, () => {
  test("makes a course folder whose first lesson passes lesson check, and whose config is valid", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "lesson-init-")), "calculus-one");
    scratch.push(join(dir, ".."));
    const made = await capture(() => runInit([dir]));
    expect(made.code).toBe(0);
    expect(made.out).toContain("npm install && npm start");
    for (const file of ["package.json", "course.yml", ".gitignore", "README.md", ".github/workflows/lessons.yml", "lessons/introduction.md"]) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    const json = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    expect(json).toMatchObject({ name: "calculus-one", private: true, dependencies: { "live-lesson": `^${version}` } });
    expect(json.scripts).toMatchObject({ start: "lesson dev lessons --open", test: "lesson check lessons", build: "lesson build lessons --out dist" });
    const config = parseCourseConfig(readFileSync(join(dir, "course.yml"), "utf8"), "course.yml");
    expect(config.problems).toEqual([]);
    expect(config.config.title).toBe("Calculus one");
    expect(readFileSync(join(dir, ".github/workflows/lessons.yml"), "utf8")).toMatch(/npx lesson check lessons[\s\S]*npx lesson build lessons/);
    expect(readFileSync(join(dir, "README.md"), "utf8")).toContain("npm install && npm start");
    const checked = await capture(() => runCheck([join(dir, "lessons"), "--no-run", "--json"]));
    expect(checked.out).toBe("[]");
    expect(checked.code).toBe(0);
  });

  test("completes a package.json npm wrote, and overwrites nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lesson-init-"));
    scratch.push(dir);
    const npmWrote = { name: "x", scripts: { test: 'echo "Error: no test specified" && exit 1', start: "mine" }, dependencies: { "live-lesson": "file:../live-lesson-0.1.0.tgz" } };
    writeFileSync(join(dir, "package.json"), JSON.stringify(npmWrote));
    mkdirSync(join(dir, "lessons"));
    writeFileSync(join(dir, "lessons", "introduction.md"), "mine\n");
    const made = await capture(() => runInit([dir]));
    expect(made.code).toBe(0);
    expect(made.out).toContain("Kept as they were: lessons/introduction.md");
    const json = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    expect(json.scripts).toEqual({ test: "lesson check lessons", start: "mine", build: "lesson build lessons --out dist", check: "lesson check lessons" });
    expect(json.dependencies).toEqual({ "live-lesson": "file:../live-lesson-0.1.0.tgz" });
    expect(readFileSync(join(dir, "lessons", "introduction.md"), "utf8")).toBe("mine\n");

    writeFileSync(join(dir, "package.json"), "{ broken");
    const broken = await capture(() => runInit([dir]));
    expect(broken.code).toBe(1);
    expect(broken.err).toContain("package.json: not valid JSON");
  });
});

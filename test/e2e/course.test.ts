// A course in the instructor's own folder, as a new instructor makes one: npm pack this package,
// install the tarball into an empty folder, lesson init, lesson new, link the lessons, lesson
// check (headless run included), lesson build, and read the built site in Chromium. Slow (one
// pack, one install), so one file with many assertions.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, repoDir, serveFolder, type Browser } from "./browser.ts";
import { openLesson, describeUnfulfilled } from "./lessonPage.ts";

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), "live-lesson-course-"));
const course = join(scratch, "my-course");
let tarball: string;
let browser: Browser | undefined;

/** Runs a command in the course folder; resolves to its exit code and output (never rejects on exit 1). */
async function inCourse(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd: course, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string; message: string };
    if (typeof failed.code !== "number") throw error;
    return { code: failed.code, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}
const lesson = (...args: string[]) => inCourse(process.execPath, [join(course, "node_modules/.bin/lesson"), ...args]);

beforeAll(async () => {
  // prepack builds lib/ (skipped when it is up to date, as it is after npm test's first step).
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", scratch], { cwd: repoDir, maxBuffer: 64 * 1024 * 1024 });
  const packed = JSON.parse(stdout.slice(stdout.indexOf("["))) as { filename: string; files: { path: string }[] }[];
  tarball = join(scratch, packed[0]!.filename);
  writeFileSync(join(scratch, "files.json"), JSON.stringify(packed[0]!.files.map((f) => f.path)));
  mkdirSync(course);
  const installed = await inCourse("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball]);
  if (installed.code !== 0) throw new Error(`npm install ${tarball} failed:\n${installed.stderr}`);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe("a course from the packed package", { timeout: 300_000 }, () => {
  it("packs what a course needs and nothing else: compiled JavaScript with types, no tests, benchmarks or sources", () => {
    const files = JSON.parse(readFileSync(join(scratch, "files.json"), "utf8")) as string[];
    expect(files).toContain("lib/cli/main.js");
    expect(files).toContain("lib/math/index.d.ts");
    expect(files).toContain("lib/math/reference.md");
    // The authoring guide ships (lesson guide serves it), and no other lesson.
    expect(files.filter((f) => f.startsWith("lessons/"))).toEqual(["lessons/authoring.md"]);
    expect(files.filter((f) => /^(test|bench|src|scripts)\//.test(f) || (f.endsWith(".ts") && !f.endsWith(".d.ts")))).toEqual([]);
    // No TypeScript loader at run time.
    expect(existsSync(join(course, "node_modules/tsx"))).toBe(false);
  });

  it("imports live-lesson/math in plain Node", async () => {
    const { code, stdout } = await inCourse(process.execPath, ["--input-type=module", "-e", 'import {adam, exampleData} from "live-lesson/math"; console.log(typeof adam, exampleData.length)']);
    expect(stdout.trim()).toBe("function 3");
    expect(code).toBe(0);
  });

  it("lesson init and lesson new make a course that lesson check passes, headless run included", async () => {
    const init = await lesson("init");
    expect(init.code).toBe(0);
    for (const file of ["course.yml", ".gitignore", "README.md", ".github/workflows/lessons.yml", "lessons/introduction.md"]) expect(existsSync(join(course, file)), file).toBe(true);
    expect(JSON.parse(readFileSync(join(course, "package.json"), "utf8")).scripts.test).toBe("lesson check lessons");
    expect((await lesson("new", "second-step", "--title", "Second step")).code).toBe(0);
    // The lessons link to each other, by file name and heading, as the authoring guide says.
    const intro = join(course, "lessons/introduction.md");
    writeFileSync(intro, `${readFileSync(intro, "utf8")}\nThen read [the second step](second-step.md#second-step).\n`);
    const second = join(course, "lessons/second-step.md");
    writeFileSync(second, readFileSync(second, "utf8").replace("minutes:", "prerequisites: [L1-01]\nminutes:"));
    const check = await inCourse("npm", ["test"]);
    expect(check.stderr, check.stdout).toContain("2 lessons checked: 0 errors, 0 warnings");
    expect(check.code).toBe(0);
    // The guide the template's tip points at is there, and is a lesson that checks clean.
    expect(readFileSync(intro, "utf8")).toContain("npx lesson guide");
    const guide = await lesson("check", "node_modules/live-lesson/lessons", "--no-run");
    expect(`${guide.stdout}${guide.stderr}`).toContain("1 lesson checked: 0 errors, 0 warnings");
    expect(guide.code).toBe(0);
  });

  it("lesson build writes the site without a warning, and the built pages work in Chromium, links included", async () => {
    const build = await inCourse("npm", ["run", "build"]);
    expect(build.code, build.stderr).toBe(0);
    expect(`${build.stdout}\n${build.stderr}`).not.toMatch(/warn/i);
    expect(readdirSync(join(course, "dist")).filter((f) => f.endsWith(".html")).sort()).toEqual(["index.html", "introduction.html", "math-reference.html", "second-step.html"]);
    const site = await serveFolder(join(course, "dist"), "/my-course/");
    try {
      browser = await launchBrowser();
      const page = await browser.newPage();
      await page.goto(site.url);
      expect(await page.locator("h1").textContent()).toBe("My course");
      const cells = await openLesson(page, `${site.url}introduction.html`);
      expect(describeUnfulfilled("introduction.md", cells)).toEqual([]);
      expect(cells.length).toBeGreaterThan(0);
      await page.click('#lesson a[href="./second-step.html#second-step"]');
      await page.waitForURL(/second-step\.html#second-step$/);
      expect(describeUnfulfilled("second-step.md", await openLesson(page, page.url()))).toEqual([]);
      // The prerequisite is linked at the top of the page.
      expect(await page.locator(".ll-prerequisites a").getAttribute("href")).toBe("./introduction.html");
      await page.goto(`${site.url}math-reference.html#adam`);
      expect(await page.locator("#adam").count()).toBe(1);
    } finally {
      await site.close();
    }
  });

  it("lesson build fails on a broken link, printing it once as file:line:col message, with no stack trace", async () => {
    const intro = join(course, "lessons/introduction.md");
    writeFileSync(intro, readFileSync(intro, "utf8").replace("second-step.md#second-step", "second-step.md#no-such-heading"));
    const build = await lesson("build", "lessons");
    expect(build.code).toBe(1);
    const lines = build.stderr.split("\n").filter((line) => line.includes("no-such-heading"));
    expect(lines).toEqual([expect.stringMatching(/^lessons\/introduction\.md:\d+:\d+ link to second-step\.md#no-such-heading: second-step\.md has no heading or id "no-such-heading"/)]);
    expect(build.stderr).not.toMatch(/\n\s+at /);
    const check = await lesson("check", "lessons", "--no-run");
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("no-such-heading");
  });
});

// The package's entries (package.json "exports") resolve by name to the compiled lib/ (built by
// scripts/buildPackage.js, which `npm test` runs first) and expose their main functions.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repoDir = fileURLToPath(new URL("..", import.meta.url));

describe("package exports", () => {
  it("live-lesson compiles a lesson", async () => {
    const { compileLesson } = await import("live-lesson");
    const lesson = compileLesson("# T\n\n```ts\nconst a = 1\n```\n", { file: "t.md" });
    expect(lesson.title).toBe("T");
    expect(lesson.cells.map((cell) => cell.outputs)).toEqual([["a"]]);
  });

  it("live-lesson/math, /runtime, /editor and /vite expose their entry points", async () => {
    const math = await import("live-lesson/math");
    expect(math.sumSquaredGrad(0, math.exampleData)).toBe(-68);
    expect(typeof (await import("live-lesson/runtime")).mountLesson).toBe("function");
    expect(typeof (await import("live-lesson/editor")).installEditors).toBe("function");
    expect(typeof (await import("live-lesson/vite")).lessonPlugin).toBe("function");
  });

  it("import {adam} from \"live-lesson/math\" works in plain Node: compiled JavaScript, no TypeScript loader", () => {
    const script = 'import {adam, sumSquaredGrad, exampleData} from "live-lesson/math"; console.log(JSON.stringify([typeof adam, sumSquaredGrad(0, exampleData), import.meta.resolve("live-lesson/math")]))';
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: repoDir, encoding: "utf8" });
    const [kind, gradient, url] = JSON.parse(output) as [string, number, string];
    expect([kind, gradient]).toEqual(["function", -68]);
    expect(url).toMatch(/\/lib\/math\/index\.js$/);
  });
});

// The static build through the plugin (no browser): pages, assets, relative URLs, failing lessons.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/vite/buildSite.ts";
import { findLessonErrors } from "../../src/vite/reportBuildErrors.ts";

// Under node_modules so the lessons resolve this package's dependencies, like the bundled ones.
const scratch = fileURLToPath(new URL("../../node_modules/.live-lesson-test/", import.meta.url));
mkdirSync(scratch, { recursive: true });
const dirs: string[] = [];

function writeLessons(files: Record<string, string>): string {
  const dir = mkdtempSync(join(scratch, "lessons-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("buildSite", { timeout: 120_000 }, () => {
  it("writes an index and a page per lesson, with relative asset URLs", async () => {
    const dir = writeLessons({
      "b.md": "---\ntitle: Second\norder: 2\n---\n\n# Second\n\n```ts\n1 + 1\n```\n",
      "a.md": "---\ntitle: First\norder: 1\n---\n\n# First\n\nMath $x^2$.\n\n```ts\nconst x = 2;\n```\n\n${x * 2}\n",
      "_draft.md": "# not a lesson\n",
    });
    const out = join(dir, "dist");
    await buildSite({ dir, outDir: out, quiet: true });
    expect(readdirSync(out).filter((name) => name.endsWith(".html")).sort()).toEqual(["a.html", "b.html", "index.html", "math-reference.html"]);
    const index = readFileSync(join(out, "index.html"), "utf8");
    expect(index.indexOf("./a.html")).toBeLessThan(index.indexOf("./b.html"));
    const page = readFileSync(join(out, "a.html"), "utf8");
    expect(page).toMatch(/<script type="module" crossorigin src="\.\/assets\/[^"]+\.js"><\/script>/);
    // The stylesheets are in the page (its first paint waits for no request), each leaving a
    // disabled link (never fetched) by which Vite's preload helper knows it is there.
    expect(page).not.toMatch(/<link rel="stylesheet" crossorigin href="[^"]+\.css">/);
    const marker = /<link rel="stylesheet" crossorigin href="\.\/assets\/([^"]+\.css)" disabled>/.exec(page);
    expect(marker).not.toBeNull();
    expect(page).toContain(`<style>${readFileSync(join(out, "assets", marker![1]), "utf8").slice(0, 200)}`);
    expect(page).toContain('class="katex"');
    expect(page).toContain("Content-Security-Policy");
    // The stored theme applies before the first paint, from an inline script the CSP allows by its
    // hash: the hash must be of the script exactly as it stands in the built page.
    for (const html of [page, index]) {
      const inline = /<script>([^<]*)<\/script>/.exec(html);
      expect(inline?.[1]).toContain('localStorage.getItem("live-lesson-theme")');
      const hash = createHash("sha256").update(inline![1]).digest("base64");
      expect(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1]).toContain(`'sha256-${hash}'`);
    }
    // KaTeX's fonts ship with the site.
    expect(readdirSync(join(out, "assets")).some((name) => /^KaTeX_.*\.woff2$/.test(name))).toBe(true);
  });

  it("fails with one error per problem in the lessons, each at its place in the .md file", async () => {
    const dir = writeLessons({
      "bad.md": "---\ntitle: Bad\n---\n\n# Bad\n\n```ts\nconst x = 1;\n```\n\n```ts\nconst x = 2;\n```\n\n```ts\nconst = ;\n```\n\n```ts\nimport {a} from \"no-such-package\";\n```\n",
      "good.md": "---\ntitle: Good\n---\n\n# Good\n",
    });
    const reported: { file: string; code: string; line: number }[] = [];
    const onDiagnostics = (file: string, diagnostics: { code: string; line: number }[]) =>
      reported.push(...diagnostics.map(({ code, line }) => ({ file: file.replace(/^.*\//, ""), code, line })));
    const failure = await buildSite({ dir, outDir: join(dir, "dist"), quiet: true, onDiagnostics }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(failure).toBeInstanceOf(Error);
    const errors = findLessonErrors(failure);
    const path = join(dir, "bad.md");
    expect(errors.map((e) => [e.id, e.loc, e.problem.code]).sort((a, b) => (a[1] as { line: number }).line - (b[1] as { line: number }).line)).toEqual([
      [path, { file: path, line: 12, column: 7 }, "duplicate-definition"],
      [path, { file: path, line: 16, column: 7 }, "syntax"],
      [path, { file: path, line: 20, column: 1 }, "unresolved-import"],
    ]);
    for (const error of errors) expect(error.problem.file).toMatch(/^node_modules\/\.live-lesson-test\/lessons-[^/]+\/bad\.md$/);
    // Rolldown's summary names each error at its place, without a stack trace.
    expect(failure!.message).toContain("Build failed with 3 errors");
    expect(failure!.message).toContain(`${path}:16:7`);
    expect(failure!.message).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, "dist", "bad.html"))).toBe(false);
    expect(reported).toContainEqual({ file: "bad.md", code: "duplicate-definition", line: 12 });
  });
});

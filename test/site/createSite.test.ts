// The site model on a scratch folder: lessons in order, compiled once per change, routes, pages.
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSite, type CompiledLesson, type Site } from "../../src/site/createSite.ts";

let dir: string;
let site: Site;
const mode = { scriptSrc: "/page.js", csp: false };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "site-"));
  writeFileSync(join(dir, "b.md"), "---\ntitle: Second\norder: 2\n---\n\n# Second\n");
  writeFileSync(join(dir, "a.md"), "---\ntitle: First\norder: 1\n---\n\n# First\n\n```ts\nconst x = 1\n```\n");
  writeFileSync(join(dir, "_draft.md"), "# Draft\n");
  site = createSite({ root: dir, title: "Course" });
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("createSite", () => {
  it("lists the folder's lessons in reading order, drafts left out, and the generated math reference last", () => {
    expect(site.lessons().map((entry) => [entry.slug, entry.title])).toEqual([["a", "First"], ["b", "Second"], ["math-reference", "live-lesson/math reference"]]);
  });

  it("counts no progress on the generated math reference: its headings are exports, not sections", () => {
    const reference = site.compile(site.pathOf("math-reference"));
    expect(reference.lesson.anchors.length).toBeGreaterThan(10);
    expect(reference.lesson.learning.sections).toEqual([]);
    expect(reference.entry.items).toEqual([]);
    writeFileSync(join(dir, "c.md"), "# Third\n\n## A part\n");
    expect(site.compile(join(dir, "c.md")).entry.items).toEqual([["section", "a-part"]]);
  });

  it("compiles a lesson once per change of its text, and says so once per change", () => {
    const compiled: CompiledLesson[] = [];
    site.onCompile((c) => compiled.push(c));
    const path = site.pathOf("a");
    const first = site.compile(path);
    expect(site.compile(path)).toBe(first);
    expect(site.cached(path)).toBe(first);
    writeFileSync(path, "---\ntitle: First, edited\n---\n");
    const second = site.compile(path);
    expect(second).not.toBe(first);
    expect(second.entry.title).toBe("First, edited");
    expect(compiled).toEqual([first, second]);
    site.forget(path);
    expect(site.cached(path)).toBeUndefined();
  });

  it("compiles a text it is handed (a watcher's read) and caches it as the file's", () => {
    const path = site.pathOf("b");
    const handed = site.compile(path, "---\ntitle: Handed\n---\n");
    expect(handed.entry.title).toBe("Handed");
    writeFileSync(path, "---\ntitle: Handed\n---\n");
    expect(site.compile(path)).toBe(handed);
  });

  it("routes only to lessons that exist in its folder", () => {
    expect(site.route("a.html")).toEqual({ kind: "lesson", slug: "a" });
    expect(site.route("")).toEqual({ kind: "index" });
    expect(site.route("c.html")).toBeNull();
    expect(site.route("_draft.html")).toBeNull();
    unlinkSync(site.pathOf("b"));
    expect(site.route("b")).toBeNull();
  });

  it("knows its lessons' slugs, paths and page files", () => {
    expect(site.slugOf(join(dir, "a.md"))).toBe("a");
    expect(site.slugOf(join(dir, "_draft.md"))).toBeUndefined();
    expect(site.slugOf(join(dir, "sub", "a.md"))).toBeUndefined();
    expect(site.pathOf("a")).toBe(join(dir, "a.md"));
    // A slug that could leave the folder is a programmer error: every caller checks URLs first.
    for (const slug of ["../secret", "sub/a", "_draft"]) expect(() => site.pathOf(slug), slug).toThrow(/not a lesson slug/);
    expect(site.fileOf(join(dir, "a.md"))).toBe("a.md");
  });

  it("renders each lesson's page with its neighbours, and the index", () => {
    const page = site.renderPage({ kind: "lesson", slug: "a" }, mode)!;
    expect(page).toContain("<title>First · Course</title>");
    expect(page).toContain('rel="next" href="./b.html"');
    expect(page).toContain('<script type="module" src="/page.js"></script>');
    expect(page).toContain('data-cell="');
    const index = site.renderPage({ kind: "index" }, mode)!;
    expect(index.indexOf("./a.html")).toBeLessThan(index.indexOf("./b.html"));
    expect(index).not.toContain("_draft");
    expect(site.renderPage({ kind: "lesson", slug: "missing" }, mode)).toBeUndefined();
  });
});

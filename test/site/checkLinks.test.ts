// Links between lessons: collected by the compiler with their places, rewritten to page URLs,
// and checked against the site's lessons and anchors.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compileLesson } from "../../src/compile/index.ts";
import { checkLinks, pageHref } from "../../src/site/checkLinks.ts";
import { createSite } from "../../src/site/createSite.ts";

describe("the compiler's links and anchors", () => {
  const source = "---\ntitle: A\n---\n\n# Start here\n\nSee [B](b.md#part-two), [top](#start-here) and [web](https://x.org).\n\n<div id=\"box\"></div>\n";

  it("records each link that stays on the site at its place, and every anchor", () => {
    const lesson = compileLesson(source, { file: "a.md" });
    expect(lesson.links).toEqual([
      { href: "b.md#part-two", line: 7, column: 9 },
      { href: "#start-here", line: 7, column: 31 },
    ]);
    expect(lesson.anchors).toEqual(expect.arrayContaining(["start-here", "box"]));
  });

  it("renders a link with the href linkHref gives, and keeps the one it leaves", () => {
    const lesson = compileLesson(source, { file: "a.md", linkHref: pageHref });
    expect(lesson.html).toContain('href="./b.html#part-two"');
    expect(lesson.html).toContain('href="#start-here"');
    expect(lesson.html).toContain('href="https://x.org"');
  });

  it("gives page URLs to lessons of the folder only", () => {
    expect(pageHref("other.md")).toBe("./other.html");
    expect(pageHref("./other.md#a-b")).toBe("./other.html#a-b");
    expect(pageHref("../elsewhere/other.md")).toBeUndefined();
    expect(pageHref("img/plot.png")).toBeUndefined();
  });
});

describe("checkLinks", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "links-"));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("reports links to missing lessons and anchors at the link, and passes the others", () => {
    const text = "# A\n\n[ok](b.md) [ok](b.md#two) [no](c.md) [no](b.md#three) [ok](#a) [no](#zz) [asset](data.csv) [draft](_d.md)\n";
    const lesson = compileLesson(text, { file: "a.md" });
    const anchors: Record<string, string[]> = { b: ["one", "two"] };
    const problems = checkLinks(lesson, join(root, "a.md"), { root, anchorsOf: (slug) => anchors[slug] });
    expect(problems.map((p) => `${p.line}:${p.column} ${p.code}`)).toEqual(["3:32 link", "3:43 link", "3:69 link", "3:100 link"]);
    expect(problems[0]!.message).toContain("link to a lesson that does not exist: c.md");
    expect(problems[1]!.message).toContain('b.md has no heading or id "three" (its anchors: #one, #two)');
    expect(problems[2]!.message).toContain('this lesson has no heading or id "zz"');
    expect(problems[3]!.message).toContain("is a draft");
  });

  it("is what the site reports for a lesson, with next and prerequisites naming no chapter", () => {
    writeFileSync(join(root, "a.md"), "---\ntitle: A\nchapter: L1-01\nnext: L9-99\nprerequisites: [L1-02, L1-00]\n---\n\n# A\n\n[B](b.md#b)\n");
    writeFileSync(join(root, "b.md"), "---\ntitle: B\nchapter: L1-02\n---\n\n# B\n");
    const site = createSite({ root, config: { config: { title: "T", order: [], parts: [], mathReference: false }, problems: [] } });
    const problems = site.findSiteProblems(join(root, "a.md"));
    expect(problems.map((p) => `${p.line}:${p.column} ${p.code}`)).toEqual(["4:7 chapter", "5:24 chapter"]);
    expect(problems[0]!.message).toContain('next: "L9-99" names no lesson');
    expect(problems[1]!.message).toContain('prerequisites: "L1-00" names no lesson');
    // The page links the prerequisite that exists, at the top.
    const page = site.renderPage({ kind: "lesson", slug: "a" }, { scriptSrc: "/p.js", csp: false })!;
    expect(page).toContain('<a href="./b.html">B</a>');
    expect(page).toContain('href="./b.html#b"');
  });
});

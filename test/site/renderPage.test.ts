import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { LessonEntry } from "../../src/site/describeLesson.ts";
import { escapeHtml, renderIndexPage, renderLessonPage } from "../../src/site/renderPage.ts";

const entry = (slug: string, fields: Partial<LessonEntry> = {}): LessonEntry => ({
  slug,
  path: `/l/${slug}.md`,
  title: `Title ${slug}`,
  minutes: 4,
  items: [],
  errors: 0,
  prerequisites: [],
  ...fields,
});
const site = { siteTitle: "Course", scriptSrc: "virtual:live-lesson/page/b", csp: false };

describe("renderLessonPage", () => {
  const html = renderLessonPage({ entry: entry("b", { chapter: "L1-02" }), bodyHtml: "<p>Body</p>", previous: entry("a"), next: entry("c") }, site);

  it("is a complete page around the lesson body", () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("<title>Title b · Course</title>");
    expect(html).toContain('<main id="lesson" data-lesson="b">\n<p>Body</p>\n</main>');
    // The meta line in a named section (a landmark), outside <main>, whose content the runtime owns.
    expect(html).toMatch(/<section class="ll-lesson-meta" aria-label="About this lesson"><p class="lesson-meta">[^\n]*L1-02[^\n]*<\/p><\/section>\n<div class="learning-bar"[^\n]*<\/div>\n<main/);
    expect(html).toContain('<script type="module" src="virtual:live-lesson/page/b"></script>');
    expect(html).toContain("L1-02</span> · <span>4 min read");
    expect(html).toContain("data-theme-toggle");
    expect(html).not.toContain("Content-Security-Policy");
  });

  it("carries the progress bar before any script runs, so the lesson does not move when it is adopted", () => {
    const items: [string, string][] = [["blank", "b1"], ["blank", "b2"], ["section", "s1"]];
    const page = renderLessonPage({ entry: entry("b", { items }), bodyHtml: "" }, site);
    const bar = /<div class="learning-bar"[^\n]*<\/div>\n<main/.exec(page)?.[0] ?? "";
    expect(bar).toContain("data-placeholder");
    expect(bar).toContain("Progress: 0% (0/2 blanks right, 0/1 sections reached)");
    // Its buttons do nothing until the page's script adopts the bar.
    expect(bar.match(/<button [^>]*disabled>/g)).toHaveLength(2);
    expect(renderLessonPage({ entry: entry("b"), bodyHtml: "" }, site)).toContain(">Progress: 0%</label>");
  });

  it("marks a dev page for type warnings, and no other", () => {
    expect(renderLessonPage({ entry: entry("b"), bodyHtml: "" }, { ...site, typeWarnings: true })).toContain('<main id="lesson" data-lesson="b" data-type-warnings>');
    expect(html).not.toContain("data-type-warnings");
  });

  it("links to the previous and next lessons and the index, relatively", () => {
    expect(html).toContain('rel="prev" href="./a.html"');
    expect(html).toContain('rel="next" href="./c.html"');
    expect(html).toContain('href="./index.html">All lessons');
    expect(renderLessonPage({ entry: entry("a"), bodyHtml: "" }, site)).not.toContain('rel="prev"');
  });

  it("links the prerequisites at the top of the page, before the lesson", () => {
    const page = renderLessonPage({ entry: entry("c"), bodyHtml: "<p>Body</p>", prerequisites: [entry("a"), entry("b", { title: "B & co" })] }, site);
    const nav = '<nav class="ll-prerequisites" aria-label="Prerequisites"><span>Before this lesson:</span> <a href="./a.html">Title a</a>, <a href="./b.html">B &#38; co</a></nav>';
    expect(page).toContain(nav);
    expect(page.indexOf(nav)).toBeLessThan(page.indexOf('<main id="lesson"'));
    expect(html).not.toContain("ll-prerequisites");
  });

  it("adds the Content-Security-Policy to built pages", () => {
    const built = renderLessonPage({ entry: entry("b"), bodyHtml: "" }, { ...site, csp: true });
    expect(built).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-eval' 'unsafe-hashes' 'sha256-`);
    expect(built).toContain(`; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'">`);
    // frame-ancestors is ignored in a <meta> (Chromium logs an error for it): hosts send it as a header.
    expect(built).not.toContain("frame-ancestors");
    // htl's handler placeholders ("::0" … "::31") are allowed by hash, and nothing else inline.
    const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    expect(built).toContain(hash("::0"));
    expect(built).toContain(hash("::31"));
  });
});

describe("renderIndexPage", () => {
  it("lists lessons in the given order with chapter, summary, reading time and errors", () => {
    const html = renderIndexPage(
      [{ entries: [entry("one", { summary: "First <one>" }), entry("two", { chapter: "L2", minutes: 12, errors: 2 })] }],
      site,
    );
    expect(html.indexOf("./one.html")).toBeLessThan(html.indexOf("./two.html"));
    expect(html).toContain("First &#60;one&#62;");
    expect(html).toContain('<span class="chapter">L2</span>');
    expect(html).toContain('<span class="minutes">12 min read · <span class="ll-index-errors">2 errors</span>');
    expect(html).toContain("<title>Course</title>");
  });

  it("gives each entry its lesson file and the items its progress counts, for the index's progress", () => {
    const html = renderIndexPage([{ entries: [entry("one", { items: [["blank", "b1"], ["section", "intro"]] })] }], site);
    expect(html).toContain(`data-lesson-file="one.md" data-learning-items="${escapeHtml('[["blank","b1"],["section","intro"]]')}"`);
  });

  it("says so when there are no lessons", () => {
    expect(renderIndexPage([], site)).toContain("No lessons yet");
    expect(renderIndexPage([{ title: "Part", entries: [] }], site)).toContain("No lessons yet");
  });

  it("shows the course's parts as headings, and its description under the title", () => {
    const html = renderIndexPage([{ title: "Calculus", entries: [entry("one")] }, { title: "More <lessons>", entries: [entry("two")] }], { ...site, description: "A course & more" });
    expect(html).toContain('<h1>Course</h1>\n<p class="ll-index-description">A course &#38; more</p>\n<h2>Calculus</h2>\n<ul class="lesson-index">');
    expect(html).toContain("<h2>More &#60;lessons&#62;</h2>");
    expect(html.indexOf("./one.html")).toBeLessThan(html.indexOf("More &#60;lessons"));
    expect(html).toContain('<meta name="description" content="A course &#38; more">');
  });

  it("escapes text for HTML", () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe("&#60;a href=&#34;x&#34;&#62;&#38;&#39;");
  });
});

import { describe, expect, it } from "vitest";
import markdownIt from "markdown-it";
import anchor from "markdown-it-anchor";
import { createSlugRegistry } from "../../src/compile/markdown/uniqueSlugs.ts";
import { compileLesson } from "../../src/compile/index.ts";

describe("unique heading ids", () => {
  it("are the ids markdown-it-anchor gives, repeats and look-alikes included", () => {
    const headings = ["Same", "Same", "Same 1", "Same", "Other", "Same 3", "Same", "Same"];
    const md = markdownIt().use(anchor, { slugify: (s: string) => s.toLowerCase().replace(/\s+/g, "-") });
    const expected = [...md.render(headings.map((h) => `## ${h}`).join("\n\n")).matchAll(/id="([^"]+)"/g)].map((m) => m[1]);
    const registry = createSlugRegistry();
    expect(headings.map((h) => registry.unique(h.toLowerCase().replace(/\s+/g, "-")))).toEqual(expected);
  });

  it("take linear work: 20,000 identical headings look up about one candidate each", () => {
    const registry = createSlugRegistry();
    const ids = Array.from({ length: 20_000 }, () => registry.unique("same"));
    expect(new Set(ids).size).toBe(20_000);
    expect(registry.probes).toBeLessThan(2 * 20_000);
  });

  it("are what a compiled lesson's headings get", () => {
    const { html } = compileLesson("## Same\n\n## Same\n\n## Same\n", { file: "same.md" });
    expect([...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1])).toEqual(["same", "same-1", "same-2"]);
  });
});

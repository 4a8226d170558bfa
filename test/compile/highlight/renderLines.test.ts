// A wrapping listing's lines: one span per source line, the text untouched, highlight spans balanced.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { highlightCode } from "../../../src/compile/highlight/highlightCode.ts";
import { measureIndent, renderLines } from "../../../src/compile/highlight/renderLines.ts";

const unescape = (html: string): string =>
  html.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#(?:39|x27);/g, "'").replace(/&amp;/g, "&");

/** The tags of `html` in order, checked to nest: each `</span>` closes an open span. */
function depthAtEnd(html: string): number {
  let depth = 0;
  for (const tag of html.matchAll(/<(\/?)span\b[^>]*>/g)) {
    depth += tag[1] ? -1 : 1;
    expect(depth, html).toBeGreaterThanOrEqual(0);
  }
  return depth;
}

describe("renderLines", () => {
  it("puts each line in a span with its indentation, empty lines in none", () => {
    const code = "if (a) {\n  f(1);\n\n    g;\n}";
    expect(renderLines(highlightCode(code, "ts"))).toBe(
      '<span class="line"><span class="hljs-keyword">if</span> (a) {</span>\n' +
        '<span class="line" style="--indent:2">  <span class="hljs-title function_">f</span>(<span class="hljs-number">1</span>);</span>\n' +
        "\n" +
        '<span class="line" style="--indent:4">    g;</span>\n' +
        '<span class="line">}</span>',
    );
  });

  it("closes a highlight span at a line end and opens it again on the next line", () => {
    const code = "/* one\n   two */ x = `a\nb`;";
    expect(renderLines(highlightCode(code, "js"))).toBe(
      '<span class="line"><span class="hljs-comment">/* one</span></span>\n' +
        '<span class="line" style="--indent:3"><span class="hljs-comment">   two */</span> x = <span class="hljs-string">`</span><span class="hljs-string">a</span></span>\n' +
        '<span class="line"><span class="hljs-string">b</span><span class="hljs-string">`</span>;</span>',
    );
  });

  it("counts a tab to the next multiple of 2 columns, and keeps a tabbed line's offset even", () => {
    // Tab stops count from the line's padding (indent + 2), so an odd offset would move every tab.
    expect(renderLines("\tx")).toBe('<span class="line" style="--indent:2">\tx</span>');
    expect(renderLines(" \tx")).toBe('<span class="line" style="--indent:2"> \tx</span>');
    expect(renderLines("\t x")).toBe('<span class="line" style="--indent:4">\t x</span>');
    expect(renderLines("   a\tb")).toBe('<span class="line" style="--indent:4">   a\tb</span>');
    expect(renderLines("   ab")).toBe('<span class="line" style="--indent:3">   ab</span>');
  });

  it("gives a blank line no indentation", () => {
    expect(renderLines("x\n    \ny")).toBe('<span class="line">x</span>\n<span class="line">    </span>\n<span class="line">y</span>');
  });

  it("keeps the text exactly and the spans balanced, for any code", () => {
    const piece = fc.constantFrom("const ", "x", " ", "  ", "\t", "\n", "/*", "*/", "//", "`", "${", "}", '"', "'", "<b>", "&", "1", "(", ")", "\r");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom("ts", "js", "python", "klingon"), (pieces, lang) => {
        const code = pieces.join("");
        const html = renderLines(highlightCode(code, lang));
        expect(unescape(html)).toBe(code);
        expect(depthAtEnd(html)).toBe(0);
        const codeLines = code.split("\n");
        expect(html.split("\n").map((line) => /^<span class="line"(?: style="--indent:(\d+)")?>/.exec(line)?.[1] ?? (line ? "0" : ""))).toEqual(
          codeLines.map((line) => (line ? String(measureIndent(line)) : "")),
        );
      }),
      { seed: 24, numRuns: 400 },
    );
  });
});

// Listings: TypeScript and JavaScript through acorn's tokenizer, other languages through highlight.js.

import { describe, expect, it } from "vitest";
import { highlightCode, renderListing } from "../../../src/compile/highlight/highlightCode.ts";

describe("highlightCode", () => {
  it("marks keywords, strings, numbers, comments, types and calls with hljs classes", () => {
    const html = highlightCode('const s: string = f("a<b>", 1); // note', "ts");
    expect(html).toBe(
      '<span class="hljs-keyword">const</span> s: <span class="hljs-built_in">string</span> = ' +
        '<span class="hljs-title function_">f</span>(<span class="hljs-string">&quot;a&lt;b&gt;&quot;</span>, ' +
        '<span class="hljs-number">1</span>); <span class="hljs-comment">// note</span>',
    );
  });

  it("keeps the text exactly, escaped, even when the code does not tokenize", () => {
    for (const code of ["const s = 'unterminated", "a <b> & c", "`${`${x}`}`", "type T = keyof typeof o;"]) {
      const text = highlightCode(code, "ts").replace(/<[^>]+>/g, "");
      expect(text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&")).toBe(code);
    }
  });

  it("uses highlight.js for other languages and escapes unknown ones", () => {
    expect(highlightCode("def f(): pass", "python")).toContain('<span class="hljs-keyword">def</span>');
    expect(highlightCode("<x>", "klingon")).toBe("&lt;x&gt;");
    expect(renderListing("x = 1\n", "python")).toMatch(/^<pre class="listing"><code class="hljs language-python">/);
  });
});

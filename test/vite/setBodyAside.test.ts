// Which lesson bodies may skip Vite's HTML pass: those it would leave as they are.
import { describe, expect, test } from "vitest";
import { compileLesson } from "../../src/compile/index.ts";
import { bodyMark, isInertBody } from "../../src/vite/setBodyAside.ts";

const bodyOf = (markdown: string) => compileLesson(`---\ntitle: t\n---\n\n${markdown}`, { file: "t.md" }).html;

describe("isInertBody", () => {
  test("prose, math, listings and cells are inert", () => {
    expect(isInertBody(bodyOf("Some *prose* with $x^2$ and a [link](other.md#a).\n\n$$\n\\sqrt{\\frac{a}{b}}\n$$\n\n```js\nconst x = view(Inputs.range([0, 1], {label: \"x\"}));\n```\n\n```python\nprint(1)\n```\n"))).toBe(true);
  });

  test("an image, or any element or style Vite's HTML pass rewrites, is not", () => {
    expect(isInertBody(bodyOf("![a plot](plot.png)"))).toBe(false);
    for (const html of ['<p><img src="a.png" alt=""></p>', "<video src=a.mp4></video>", '<svg><use href="#s"/></svg>', "<style>p{}</style>", "<script>1</script>", '<div style="background: url(a.png)"></div>', '<link rel="icon" href="a.ico">', '<source srcset="a.webp">']) {
      expect(isInertBody(html), html).toBe(false);
    }
    expect(isInertBody(`<p>${bodyMark}</p>`)).toBe(false);
  });
});

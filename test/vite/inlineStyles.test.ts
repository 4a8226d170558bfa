import { describe, expect, it } from "vitest";
import { inlineStyles } from "../../src/vite/inlineStyles.ts";

const styles: Record<string, string> = {
  "./assets/site.css": "body{color:red}",
  "./assets/katex.css": `@font-face{src:url(./KaTeX_Main.woff2)format("woff2"),url("KaTeX_Main.woff")}.a{background:url(data:image/png;base64,AA)}.b{background:url('/abs.png')}.c{mask:url(#m)}`,
  "/course/assets/base.css": ".d{background:url(./d.png)}",
};
const read = (href: string) => styles[href];

describe("inlineStyles", () => {
  it("puts each stylesheet the bundle knows into the page, and leaves a disabled link with its URL", () => {
    const html = `<head>\n<link rel="stylesheet" crossorigin href="./assets/site.css">\n<link rel="modulepreload" crossorigin href="./assets/a.js">\n</head>`;
    expect(inlineStyles(html, read)).toBe(
      `<head>\n<style>body{color:red}</style>\n<link rel="stylesheet" crossorigin href="./assets/site.css" disabled>\n<link rel="modulepreload" crossorigin href="./assets/a.js">\n</head>`,
    );
  });

  it("rewrites relative url()s from the stylesheet's folder to the page's, and no other", () => {
    const out = inlineStyles(`<link rel="stylesheet" crossorigin href="./assets/katex.css">`, read);
    expect(out).toContain(`url(./assets/KaTeX_Main.woff2)format("woff2")`);
    expect(out).toContain(`url("./assets/KaTeX_Main.woff")`);
    expect(out).toContain("url(data:image/png;base64,AA)");
    expect(out).toContain("url('/abs.png')");
    expect(out).toContain("url(#m)");
    expect(inlineStyles(`<link rel="stylesheet" crossorigin href="/course/assets/base.css">`, read)).toContain("url(/course/assets/d.png)");
  });

  it("leaves a stylesheet it does not know linked, and never lets CSS close its <style> element", () => {
    const unknown = `<link rel="stylesheet" crossorigin href="./assets/other.css">`;
    expect(inlineStyles(unknown, read)).toBe(unknown);
    const hostile = inlineStyles(`<link rel="stylesheet" crossorigin href="x.css">`, () => `.a::after{content:"</style><script>alert(1)</script>"}`);
    expect(hostile.match(/<\/style/g)).toHaveLength(1);
  });
});

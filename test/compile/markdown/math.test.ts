// TeX errors point at the place the author must fix.

import { describe, expect, it } from "vitest";
import { compileLesson } from "../../../src/compile/index.ts";

const tex = (source: string) =>
  compileLesson(source).diagnostics.filter((d) => d.code === "tex").map((d) => [d.line, d.column, d.message]);

describe("TeX diagnostics", () => {
  it("point an unclosed `{` at the brace, not at the closing `$`", () => {
    expect(tex("# T\n\nInline $\\frac{1}{x + 1$ here.\n")).toEqual([[3, 17, "TeX: `{` is not closed by a matching `}`"]]);
    expect(tex("# T\n\n$$\n\\sum_{i=1}^{n x_i\n$$\n")).toEqual([[4, 12, "TeX: `{` is not closed by a matching `}`"]]);
  });

  it("keep KaTeX's own place and message for other errors", () => {
    expect(tex("# T\n\n$\\left( x$\n")).toEqual([[3, 10, expect.stringContaining("Expected '\\right'")]]);
  });
});

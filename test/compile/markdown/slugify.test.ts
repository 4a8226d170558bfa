// Heading ids: ASCII headings take a shorter path that must give the ids the Unicode path gives.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slugify } from "../../../src/compile/markdown/slugify.ts";

/** The Unicode path alone, for any text. */
function slugifyUnicode(text: string): string {
  return (
    text
      .trim()
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .trim()
      .replace(/[\s_-]+/g, "-") || "section"
  );
}

describe("slugify", () => {
  it("makes ids of words, dropping punctuation, marks and emoji", () => {
    expect(slugify("Derivatives and Gradients: The Math Definition of \"Learning\"")).toBe("derivatives-and-gradients-the-math-definition-of-learning");
    expect(slugify("1. Define Loss_Function")).toBe("1-define-loss-function");
    expect(slugify("Café crème 🚀 Größe")).toBe("cafe-creme-große");
    expect(slugify(" ?! ")).toBe("section");
  });

  it("gives every ASCII heading the id the Unicode path gives (seeded)", () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 40 });
    fc.assert(fc.property(ascii, (text) => {
      expect(slugify(text)).toBe(slugifyUnicode(text));
    }), { seed: 20261202, numRuns: 2000 });
  });
});

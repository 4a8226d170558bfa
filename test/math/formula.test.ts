import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareFormulas, parseFormula } from "../../src/math/formula.ts";
import { texToExpression } from "../../src/math/texToExpression.ts";

describe("texToExpression", () => {
  it("turns the TeX a lesson writes into mathjs's syntax", () => {
    expect(texToExpression("\\frac{1}{2} x^{2}")).toEqual({ ok: true, expression: "((1)/(2)) x^(2)" });
    expect(texToExpression("2 \\cdot w_{1} − 68")).toEqual({ ok: true, expression: "2 * w_1 - 68" });
    expect(texToExpression("\\sqrt[3]{x} + \\sin(\\alpha)")).toEqual({ ok: true, expression: "nthRoot(x, 3) + sin( alpha )" });
  });

  it("names a command it cannot evaluate, with its offset", () => {
    expect(texToExpression("x + \\int x")).toEqual({ ok: false, message: expect.stringMatching(/\\int/), offset: 4 });
    expect(texToExpression("\\frac{1}")).toMatchObject({ ok: false, offset: 0 });
  });
});

describe("formulas", () => {
  it("reads implicit products and shows how it read them", () => {
    const parsed = parseFormula("28w − 68");
    expect(parsed.ok && parsed.variables).toEqual(["w"]);
    expect(parsed.ok && parsed.tex).toBe("28~ w-68");
    expect(parseFormula("28w -").ok).toBe(false);
  });

  it("accepts the same function written differently, and refuses another", () => {
    expect(compareFormulas("28w - 68", "2(14w - 34)")).toEqual({ same: true });
    expect(compareFormulas("\\frac{1}{2}x^{2}", "x^2/2")).toEqual({ same: true });
    expect(compareFormulas("x y", "xy")).toEqual({ same: true });
    expect(compareFormulas("28w - 68", "28w + 68")).toEqual({ same: false, reason: expect.stringMatching(/differ at w = /) });
    expect(compareFormulas("28w - 68", "28x - 68")).toEqual({ same: false, reason: "it uses x, which the answer does not" });
  });

  it("gives the same verdict for the same seed (the page and lesson verify agree)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 }), (a, b) => {
        const verdict = compareFormulas(`${a}w + ${b}`, `${b} + ${a} w`);
        expect(verdict).toEqual({ same: true });
        expect(compareFormulas(`${a}w + ${b}`, `${a}w + ${b + 1}`)).toEqual(compareFormulas(`${a}w + ${b}`, `${a}w + ${b + 1}`));
      }),
      { seed: 14, numRuns: 30 },
    );
  });
});

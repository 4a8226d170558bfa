import { describe, expect, it } from "vitest";
import { formatFixed, numpyListing } from "../../src/math/index.ts";

// Reference lines produced by running the listing's loop in CPython 3 (plain floats, same
// operation order as NumPy's mean over three elements).
describe("numpyListing", () => {
  it("prints exactly what the chapter's listing prints", () => {
    expect(numpyListing()).toEqual([
      "step 0: w=1.1333, loss=27.6667, grad=-22.6667",
      "step 10: w=2.4262, loss=0.1430, grad=-0.0422",
      "step 20: w=2.4286, loss=0.1429, grad=-0.0001",
      "step 30: w=2.4286, loss=0.1429, grad=-0.0000",
      "step 40: w=2.4286, loss=0.1429, grad=-0.0000",
      "\nFinal w = 2.4286",
    ]);
  });

  it("follows the learning rate (lr = 0.01 and lr = 0.2)", () => {
    expect(numpyListing({ lr: 0.01 })).toEqual([
      "step 0: w=0.2267, loss=27.6667, grad=-22.6667",
      "step 10: w=1.6020, loss=4.0213, grad=-8.5087",
      "step 20: w=2.1183, loss=0.6894, grad=-3.1940",
      "step 30: w=2.3121, loss=0.2199, grad=-1.1990",
      "step 40: w=2.3848, loss=0.1537, grad=-0.4501",
      "\nFinal w = 2.4105",
    ]);
    expect(numpyListing({ lr: 0.2 })).toEqual([
      "step 0: w=4.5333, loss=27.6667, grad=-22.6667",
      "step 10: w=2.9318, loss=1.7159, grad=-5.4189",
      "step 20: w=2.5489, loss=0.2328, grad=-1.2955",
      "step 30: w=2.4573, loss=0.1480, grad=-0.3097",
      "step 40: w=2.4354, loss=0.1432, grad=-0.0740",
      "\nFinal w = 2.4267",
    ]);
  });
});

describe("formatFixed matches Python's :.4f", () => {
  it("keeps the sign of negative zero and of negatives that round to zero", () => {
    expect(formatFixed(-0, 4)).toBe("-0.0000");
    expect(formatFixed(-0.00001, 4)).toBe("-0.0000");
    expect(formatFixed(0, 4)).toBe("0.0000");
  });

  it("rounds exact ties half to even, like Python, unlike toFixed", () => {
    expect(formatFixed(0.03125, 4)).toBe("0.0312"); // 1/32 is exactly ...125
    expect(formatFixed(0.09375, 4)).toBe("0.0938");
    expect(formatFixed(2.5, 0)).toBe("2");
    expect(formatFixed(-0.5, 0)).toBe("-0");
  });

  it("rounds the exact binary value, not the decimal literal", () => {
    expect(formatFixed(1.00005, 4)).toBe("1.0001"); // stored just above the tie
    expect(formatFixed(2.675, 2)).toBe("2.67"); // stored just below it
  });

  it("prints inf, nan and huge values without an exponent", () => {
    expect(formatFixed(Infinity, 4)).toBe("inf");
    expect(formatFixed(-Infinity, 4)).toBe("-inf");
    expect(formatFixed(NaN, 4)).toBe("nan");
    expect(formatFixed(1e21, 4)).toBe("1000000000000000000000.0000");
    expect(formatFixed(2 ** 70, 1)).toBe("1180591620717411303424.0");
  });

  it("prints subnormals as zero", () => {
    expect(formatFixed(5e-324, 4)).toBe("0.0000");
    expect(formatFixed(-5e-324, 4)).toBe("-0.0000");
  });
});

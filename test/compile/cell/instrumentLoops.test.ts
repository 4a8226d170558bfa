import { describe, expect, it } from "vitest";
import { instrumentLoops, mapOffset } from "../../../src/compile/cell/instrumentLoops.ts";

describe("instrumentLoops", () => {
  it("guards every loop body and function body", () => {
    const { code } = instrumentLoops(
      "function () {\"use strict\";\nfor (;;) x();\nwhile (a) {}\ndo y(); while (b)\nfor (const k in o);\nconst f = () => 1;\nfunction g() { return 2 }\n}",
    );
    expect(code).toBe(
      "function () {\"use strict\";__guard(true);\nfor (;;) {__guard();x();}\nwhile (a) {__guard();{}}\ndo {__guard();y();} while (b)\nfor (const k in o){__guard();;}\nconst f = () => (__guard(), 1);\nfunction g() {__guard(); return 2 }\n}",
    );
  });

  it("never adds a line, and maps every original offset back", () => {
    const source = "(a, b) => (\nArray.from({length: a}, (_, i) => i * b)\n  .filter((x) => { for (const y of [x]) if (y) return true; })\n)";
    const instrumented = instrumentLoops(source);
    expect(instrumented.code.split("\n").length).toBe(source.split("\n").length);
    for (let offset = 0; offset < instrumented.code.length; offset++) {
      const original = mapOffset(instrumented, offset);
      expect(original).toBeGreaterThanOrEqual(0);
      expect(original).toBeLessThanOrEqual(source.length);
    }
    // Each identifier of the user's code maps back onto itself.
    for (const match of instrumented.code.matchAll(/\b(Array|filter|length|b)\b/g)) {
      const original = mapOffset(instrumented, match.index);
      expect(source.slice(original, original + match[0].length)).toBe(match[0]);
    }
  });
});

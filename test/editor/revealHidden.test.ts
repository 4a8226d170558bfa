// Code shown before it runs is shown as JavaScript reads it: no line break or character it could
// hide behind. The e2e side (the dialog in Chromium) is in test/e2e/security.test.ts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LONG_BLANKS, hasMarker, revealSource, splitMarkers } from "../../src/editor/revealHidden.ts";

/** The revealed text as a reader sees it, markers as ⟨label⟩. */
const shown = (source: string) =>
  revealSource(source)
    .split("\n")
    .map((line) => splitMarkers(line).map((p) => ("text" in p ? p.text : `⟨${p.marker}⟩`)).join(""));

describe("revealSource", () => {
  it("breaks lines where JavaScript does, marking each break a screen would not show", () => {
    expect(shown("ok(); // typo\r    evil()")).toEqual(["ok(); // typo⟨CR⟩", "    evil()"]);
    expect(shown("a\u2028b\u2029c")).toEqual(["a⟨LS⟩", "b⟨PS⟩", "c"]);
    // CRLF is one break on screen and to JavaScript: nothing to mark.
    expect(shown("a\r\nb\nc")).toEqual(["a", "b", "c"]);
    // As many lines as JavaScript counts (acorn's rule: \r\n, \r, \n, U+2028, U+2029).
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", " ", "\n", "\r", "\r\n", "\u2028", "\u2029", "x;")).map((parts) => parts.join("")), (source) => {
        const jsLines = source.split(/\r\n|\r|\n|\u2028|\u2029/).length;
        expect(revealSource(source).split("\n")).toHaveLength(jsLines);
      }),
      { seed: 18, numRuns: 300 },
    );
  });

  it("marks bidi controls, zero-width and other invisible characters, and odd spaces", () => {
    const cases: [string, string][] = [
      ["\u202E", "U+202E"], ["\u2066", "U+2066"], ["\u2069", "U+2069"], ["\u200F", "U+200F"], ["\u061C", "U+061C"],
      ["\u200B", "U+200B"], ["\u200C", "U+200C"], ["\u200D", "U+200D"], ["\u2060", "U+2060"], ["\uFEFF", "U+FEFF"], ["\u00AD", "U+00AD"],
      ["\u00A0", "U+00A0"], ["\u3000", "U+3000"], ["\u3164", "U+3164"], ["\u115F", "U+115F"], ["\uFE0F", "U+FE0F"], ["\u{E0100}", "U+E0100"],
      ["\u{E0041}", "U+E0041"], ["\u0000", "U+0000"], ["\u0007", "U+0007"], ["\u000B", "U+000B"], ["\u000C", "U+000C"], ["\u0085", "U+0085"], ["\uE000", "U+E000"],
    ];
    for (const [char, label] of cases) {
      expect(shown(`a${char}b`), label).toEqual([`a⟨${label}⟩b`]);
      expect(hasMarker(revealSource(char)), label).toBe(true);
    }
    // A bidi control says what it does.
    const [piece] = splitMarkers(revealSource("\u202E")).filter((p) => "marker" in p);
    expect(piece).toMatchObject({ title: expect.stringMatching(/bidirectional/) });
  });

  it("leaves ordinary code alone, tabs and non-Latin names included", () => {
    for (const source of ["const x = 1;\n\tif (x) y();", "const café = \"naïve ✓ 😀\";", "const 变量 = 1;"]) {
      expect(revealSource(source)).toBe(source);
    }
  });

  it("counts long runs of blanks instead of showing them", () => {
    expect(shown(`a;${" ".repeat(300)}evil()`)).toEqual(["a;⟨300 blanks⟩evil()"]);
    expect(shown(`a;${" ".repeat(LONG_BLANKS - 1)}b`)).toEqual([`a;${" ".repeat(LONG_BLANKS - 1)}b`]);
  });

  it("cannot be fooled into a marker by the source's own text", () => {
    // Private-use characters (the markers' delimiters) are themselves marked.
    expect(shown("\uE000CR\u0000x\uE001")).toEqual(["⟨U+E000⟩CR⟨U+0000⟩x⟨U+E001⟩"]);
  });
});

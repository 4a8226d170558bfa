// Hostile input never crashes or hangs the compiler, and every diagnostic points inside the file.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileLesson, type Lesson } from "../../src/compile/index.ts";

/** Compiles and checks the invariants every lesson must keep. */
function compileChecked(source: string): Lesson {
  const lesson = compileLesson(source, { file: "hostile.md" });
  const lineCount = source.split(/\r\n|\r|\n/).length;
  for (const d of lesson.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lineCount);
    expect(d.column).toBeGreaterThanOrEqual(1);
  }
  expect(typeof lesson.html).toBe("string");
  return lesson;
}

const TIMEOUT = 20_000;
const megabyte = 1 << 20;

describe("hostile input", () => {
  const cases: [string, () => string][] = [
    ["an unclosed ts fence", () => "```ts\nconst x = (1 +\n"],
    ["an unclosed ${", () => "Prose ${ x + (1 and more\n\nnext ${ paragraph"],
    ["$$ with no end", () => "$$\n\\frac{1}{2}\n\nprose $$ again"],
    ["a 1 MB line of text", () => "word ".repeat(megabyte / 5)],
    ["a 1 MB line of ${", () => "${".repeat(megabyte / 2)],
    ["a 1 MB line of ${`", () => "${`".repeat(megabyte / 3)],
    ["a 1 MB line of $", () => "$a ".repeat(megabyte / 3)],
    ["a 1 MB line of [", () => "[".repeat(megabyte)],
    ["a 1 MB cell line", () => "```ts\nconst s = " + "1 + ".repeat(megabyte / 4) + "1;\n```"],
    ["10k nested >", () => ">".repeat(10_000) + " deep"],
    ["10k nested [", () => "[".repeat(10_000) + "x" + "]".repeat(10_000)],
    ["10k parentheses in a cell", () => "```ts\n" + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "\n```"],
    ["10k brackets in a cell", () => "```js\n" + "[".repeat(10_000) + "\n```"],
    ["10k parentheses inline", () => "${" + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "}"],
    ["10k braces in math", () => "$$\n" + "{".repeat(10_000) + "\n$$\n$" + "{".repeat(10_000) + "x$"],
    ["a TeX macro bomb", () => "$\\def\\a{\\a\\a}\\a$\n\n$$\\def\\b{\\b\\b}\\b$$"],
    ["NUL bytes", () => "a\0b ${x\0} \0\n```ts\n\0const\0 = 1\n```\n---\n\0: \0\n"],
    ["lone surrogates", () => "\ud800 ${'\udc00'} $\ud800$\n```ts\nconst s = '\udfff';\n```\n# \ud800"],
    ["a YAML alias bomb", () => "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n"],
    ["front matter only", () => "---\n---"],
    ["a byte-order mark before front matter", () => "\uFEFF---\ntitle: BOM\n---\n# Not the title"],
    ["empty", () => ""],
  ];
  for (const [name, make] of cases) {
    it(name, () => {
      const start = performance.now();
      compileChecked(make());
      expect(performance.now() - start).toBeLessThan(TIMEOUT);
    }, TIMEOUT);
  }

  it("reads front matter after a byte-order mark", () => {
    expect(compileChecked("\uFEFF---\ntitle: BOM\n---\n# Heading").title).toBe("BOM");
  });

  it("keeps lines and columns with CRLF line endings", () => {
    const lf = "---\ntitle: T\n---\n\n```ts\nconst a: number = 1;\nconst b = (;\n```\n\nValue ${a + missing} and $\\frac{1}{$.\n";
    const crlf = compileChecked(lf.replace(/\n/g, "\r\n"));
    const plain = compileChecked(lf);
    const where = (l: Lesson) => [l.cells.map((c) => [c.id, c.line, c.column]), l.diagnostics.map((d) => [d.code, d.line, d.column])];
    expect(where(crlf)).toEqual(where(plain));
    // The cell with the syntax error still declares `a` (a tolerant parse recovers it): only `missing` is undefined.
    expect(plain.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["syntax", 7, 12],
      ["undefined-name", 10, 13],
      ["tex", 10, 35],
    ]);
    expect(crlf.title).toBe("T");
  });

  it("compiles a 2000-cell lesson", () => {
    let source = "```ts\nconst x0 = 1;\n```\n";
    for (let i = 0; i < 2000; i++) source += `\nStep ${i}: \${x${i}}.\n\n\`\`\`ts\nconst x${i + 1}: number = x${i} + 1;\n\`\`\`\n`;
    const lesson = compileChecked(source);
    expect(lesson.cells).toHaveLength(4001);
    expect(lesson.diagnostics).toEqual([]);
  }, TIMEOUT);
});

describe("fuzzed input (seeded)", () => {
  const fragments = ["```ts\n", "```js hide\n", "```\n", "${", "}", "$$", "$", "\n", "---\n", "> [!TIP]", "> ", "x", "const ", "= 1;", "(", ")", "`", "\\", "# ", "| a |\n|---|\n", "\r\n", "\0", "yield ", "await ", "import "];
  const markdownish = fc.array(fc.constantFrom(...fragments), { maxLength: 60 }).map((parts) => parts.join(""));

  it("compiles any string without throwing, with diagnostics inside the file", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => void compileChecked(s)), { seed: 20260611, numRuns: 300 });
  }, TIMEOUT * 3);

  it("compiles Markdown-ish fragments without throwing, with diagnostics inside the file", () => {
    fc.assert(fc.property(markdownish, (s) => void compileChecked(s)), { seed: 11, numRuns: 1000 });
  }, TIMEOUT * 3);

  it("compiles any full-Unicode string", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => void compileChecked(s)), { seed: 3, numRuns: 200 });
  }, TIMEOUT * 3);
});

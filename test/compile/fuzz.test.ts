// The compiler under fuzzing: the bundled lessons mutated at random (seeded) and hostile fixtures.
// Invariants: compileLesson never throws, every diagnostic is inside the file, every cell's
// transpiled body is valid JavaScript, and no case hangs (each runs under a hang-guard timeout).

import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileLesson, transpileCell, type Lesson } from "../../src/compile/index.ts";

const lessonsDir = fileURLToPath(new URL("../../lessons/", import.meta.url));
const hostileDir = fileURLToPath(new URL("../fixtures/hostile/", import.meta.url));
const lessons = readdirSync(lessonsDir)
  .filter((name) => name.endsWith(".md"))
  .sort()
  .map((name) => ({ name, source: readFileSync(lessonsDir + name, "utf8") }));

// A hang-guard, not a benchmark: a lesson-sized input compiles in well under a second, so a case
// that needs this long is stuck (a super-linear scan), whatever machine runs the tests. Generous:
// 10,000 cells took 6–9 s on a machine at load 30 (shared CI cores), and a real quadratic takes minutes.
const HANG_GUARD_MS = 30_000;

/** Compiles `source` and checks the invariants every lesson keeps, whatever its content. */
function compileChecked(source: string, file = "fuzz.md"): Lesson {
  let lesson: Lesson;
  try {
    lesson = compileLesson(source, { file });
  } catch (error) {
    throw new Error(`compileLesson threw on ${JSON.stringify(source.slice(0, 200))}…: ${(error as Error)?.stack ?? error}`);
  }
  const lineCount = source.split(/\r\n|\r|\n/).length;
  for (const d of lesson.diagnostics) {
    const where = `${d.code} at ${d.line}:${d.column} (${lineCount} lines): ${d.message}`;
    expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lineCount, where).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1, where).toBe(true);
  }
  for (const cell of lesson.cells) {
    expect(cell.line >= 1 && cell.line <= lineCount, `cell ${cell.id} at line ${cell.line}`).toBe(true);
    // The page splices every body into a module: one that does not parse would take the page down.
    const { body } = transpileCell(cell);
    expect(() => new Function(`return (${body}\n)`), body.slice(0, 200)).not.toThrow();
  }
  expect(typeof lesson.html).toBe("string");
  return lesson;
}

/** One mutation of a lesson's lines, chosen and placed by fast-check. */
type Mutation =
  | { kind: "delete"; at: number; count: number }
  | { kind: "duplicate"; at: number; count: number }
  | { kind: "insert"; at: number; column: number; text: string }
  | { kind: "bytes"; at: number; column: number; text: string };

const hostileSnippets = ["`", "```", "```ts", "```js hide", "~~~", "${", "}", "$$", "$", "\\", "<!--", "-->", "<script>", "</div>", "[", "](", "---", "> [!TIP]", "|", "\r", "\0", "\u2028", "\ud800", "yield", "await", "import ", "})", "{", "/*", "*/", "//"];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat(), count: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), column: fc.nat(), text: fc.constantFrom(...hostileSnippets) }),
  fc.record({ kind: fc.constant("bytes" as const), at: fc.nat(), column: fc.nat(), text: fc.string({ unit: "binary", maxLength: 8 }) }),
);

/** Applies mutations to the lines of `source`, positions taken modulo the current line count. */
function mutate(source: string, mutations: Mutation[]): string {
  const lines = source.split("\n");
  for (const m of mutations) {
    const at = m.at % (lines.length || 1);
    if (m.kind === "delete") lines.splice(at, m.count);
    else if (m.kind === "duplicate") lines.splice(at, 0, ...lines.slice(at, at + m.count));
    else {
      const line = lines[at] ?? "";
      const column = m.column % (line.length + 1);
      lines[at] = line.slice(0, column) + m.text + line.slice(column);
    }
  }
  return lines.join("\n");
}

describe("mutated bundled lessons (seeded)", () => {
  for (const { name, source } of lessons) {
    it(`${name}: compiles under 1-8 random mutations`, () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => void compileChecked(mutate(source, mutations), name)),
        { seed: 20261126, numRuns: 60 },
      );
    }, 60_000);

    it(`${name}: compiles when truncated at any line`, () => {
      const lines = source.split("\n");
      fc.assert(
        fc.property(fc.integer({ min: 0, max: lines.length }), (n) => void compileChecked(lines.slice(0, n).join("\n"), name)),
        { seed: 7, numRuns: 40 },
      );
    }, 60_000);
  }
});

describe("huge and absurd inputs (hang-guarded)", () => {
  const lesson = lessons.find((l) => l.name.startsWith("derivatives"))?.source ?? lessons[0]!.source;
  const cases: [string, () => string][] = [
    // ~200 KB: a lesson-sized input, the bound the compiler is held to.
    ["a bundled lesson repeated to 200 KB", () => lesson.repeat(Math.ceil(200_000 / lesson.length)).slice(0, 200_000)],
    ["200 KB of [ on one line", () => "[".repeat(200_000)],
    ["200 KB of ]( on one line", () => "](".repeat(100_000)],
    ["200 KB of ![ on one line", () => "![".repeat(100_000)],
    ["200 KB of * and _", () => "*_".repeat(100_000)],
    ["200 KB of backticks", () => "`".repeat(200_000)],
    ["200 KB of < on one line", () => "<".repeat(200_000)],
    ["5 000 unclosed fences", () => "```ts\n".repeat(5_000)],
    ["5 000 $$ lines", () => "$$\n".repeat(5_000)],
    ["a 200 KB inline ${…} of nested template literals", () => "${`" + "${`".repeat(30_000) + "`}".repeat(30_000) + "`}"],
    ["10 000 tiny cells", () => "```js\n1\n```\n".repeat(10_000)],
    ["10 000 duplicate definitions", () => "```ts\nconst x = 1\n```\n".repeat(10_000)],
    ["10 000 identical blanks in one paragraph", () => "w = [[3.4 ± 0.01]] ".repeat(10_000)],
    ["200 KB of [[${ on one line", () => "[[${".repeat(50_000)],
    ["2 000 nested predictions", () => "# A\n\n" + "> [!PREDICT]\n> [[1]]\n\ntext\n\n".repeat(2_000)],
  ];
  for (const [name, make] of cases) {
    it(name, () => void compileChecked(make()), HANG_GUARD_MS);
  }
});

describe("hostile fixtures (cases that found bugs, kept)", () => {
  let names: string[] = [];
  try {
    names = readdirSync(hostileDir).filter((name) => name.endsWith(".md")).sort();
  } catch {
    // No fixtures yet.
  }
  for (const name of names) {
    it(name, () => void compileChecked(readFileSync(hostileDir + name, "utf8"), name), HANG_GUARD_MS);
  }
});

// The checker's first answer without the biggest declarations. The builtins' declarations give
// `Plot` and `d3` the types of their whole packages (`typeof import("d3")`): Plot's and d3's
// declarations are about half of what the page's checker parses before it can answer (1.2 of
// 2.6 MB), yet a cell that names neither, nor reads a cell or a type that does, gets the same
// errors without them. So the page's checker answers a first edit of such a cell from a program
// whose builtins declare those libraries `any`, and then from the whole program, whose answer is
// the one that stays (createLessonService.ts).
import { findLibraryBuiltins } from "../contract/builtins.ts";
import type { CheckedCell, LessonProgram } from "./emitLessonProgram.ts";

/** The builtins' declarations with some libraries left out, and the builtins those are. */
export interface DeferredLibraries {
  /** The builtins' declaration file, each left-out library declared `any`. */
  text: string;
  /** The builtins whose declarations were left out (e.g. `Plot`, `d3`). */
  names: string[];
}

/**
 * `builtins` (the text of the builtins' declaration file) with every library builtin whose type
 * is its whole package's (`typeof import("pkg")`) declared `any` instead, so a program over it
 * does not load that package's declarations; undefined when there is none.
 */
export function deferLibraryTypes(builtins: string): DeferredLibraries | undefined {
  let text = builtins;
  const names: string[] = [];
  for (const [name, { package: pkg }] of findLibraryBuiltins()) {
    const whole = new RegExp(`typeof import\\((["'])${pkg.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\1\\)`, "g");
    if (!whole.test(text)) continue;
    // any: a boundary — only for a first answer about cells that never name this builtin.
    text = text.replace(whole, "any");
    names.push(name);
  }
  return names.length ? { text, names } : undefined;
}

/**
 * Whether the cells `ids` may need declarations the smaller program leaves out: one of `names` (the
 * libraries' builtins, the browser's left-out globals) is one of the words findWordsRead finds. A
 * word in a comment or string counts too: a safe excess.
 */
export function readsLibraries(program: LessonProgram, cells: readonly CheckedCell[], ids: readonly string[], names: Iterable<string>): boolean {
  const words = findWordsRead(program, cells, ids);
  for (const name of names) if (words.has(name)) return true;
  return false;
}

/**
 * The words of the code the cells `ids` depend on: their own, that of every cell they read
 * (directly or not: its inferred types reach them) and every cell's imports, types and interfaces
 * (the module's top level, seen by every cell; a cell's analysis lists no type it reads).
 */
function findWordsRead(program: LessonProgram, cells: readonly CheckedCell[], ids: readonly string[]): Set<string> {
  const read = findWritten(cells, ids);
  const lines = program.text.split("\n");
  const words = new Set<string>();
  for (const segment of program.segments) {
    if (!segment.hoisted && !read.has(segment.cell.id)) continue;
    for (const line of lines.slice(segment.start, segment.start + segment.lines)) for (const word of wordsOf(line)) words.add(word);
  }
  return words;
}

/** `ids` and the cells whose outputs they read, directly or through other cells. */
function findWritten(cells: readonly CheckedCell[], ids: readonly string[]): Set<string> {
  const found = new Set(ids);
  const owners = new Map(cells.flatMap((cell) => cell.outputs.map((output) => [output, cell] as const)));
  const waiting = cells.filter((cell) => found.has(cell.id));
  for (let cell = waiting.pop(); cell; cell = waiting.pop()) {
    for (const input of cell.inputs) {
      const owner = owners.get(input);
      if (!owner || found.has(owner.id)) continue;
      found.add(owner.id);
      waiting.push(owner);
    }
  }
  return found;
}

/** The words of some code (names, keywords, and names in comments and strings too). */
export function wordsOf(code: string): string[] {
  return code.match(/[\p{L}\p{N}_$]+/gu) ?? [];
}

// Where blanking a cell's types can change how its JavaScript reads: the ASI hazards of removing
// tokens while keeping line breaks (`b as C` then a line starting with `(` calls `b` once `as C`
// is spaces; `return <T>` then a line break returns nothing). Conservative: it may name a blank
// that is harmless, never miss one that is not.

// After a line break, a statement reads the same with or without the blank when the next character
// is one of these (a name, a closing bracket, a string…; beyond ASCII, only names are JavaScript),
// unless a restricted word (`return`…) comes before it. ASCII classes: no Unicode tables to compile.
const safeNext = /[\w$\\})\];,'"{!~#:]|[^\x00-\x7f]/;
const restricted = /(?:^|[^\w$])(?:return|throw|yield|break|continue|async|await|let|get|set|static|accessor)$/;
const lineBreak = /[\n\r\u2028\u2029]/;

/**
 * The offset of the first blanked range (in `js`, types already blanked to spaces) across which the
 * JavaScript may read otherwise than the TypeScript did, or -1 when there is none. `blanks` are
 * [start, end) offsets sorted by start.
 */
export function findBlankHazard(js: string, blanks: readonly (readonly [number, number])[]): number {
  for (const [start, end] of blanks) {
    let before = start;
    while (before > 0 && /\s/.test(js[before - 1]!)) before--;
    const after = skipSpaceAndComments(js, end);
    if (!lineBreak.test(js.slice(before, after))) continue;
    if (after < js.length && !safeNext.test(js[after]!)) return start;
    if (restricted.test(js.slice(Math.max(0, before - 9), before))) return start;
  }
  return -1;
}

function skipSpaceAndComments(js: string, i: number): number {
  for (;;) {
    while (i < js.length && /\s/.test(js[i]!)) i++;
    if (js.startsWith("//", i)) {
      while (i < js.length && !lineBreak.test(js[i]!)) i++;
    } else if (js.startsWith("/*", i)) {
      const close = js.indexOf("*/", i + 2);
      i = close < 0 ? js.length : close + 2;
    } else {
      return i;
    }
  }
}

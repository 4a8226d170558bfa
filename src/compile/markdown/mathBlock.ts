// The display math block rule: `$$ … $$` over one or more lines, ending at a blank line or a dedent.

import type { StateBlock } from "markdown-it";
import { readEnv } from "./lessonEnv.ts";

/** The block rule: from a line opening with `$$` to the first line ending with `$$` (no blank line between) is a `math_block`. */
export function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const pos = state.bMarks[startLine] + state.tShift[startLine];
  const max = state.eMarks[startLine];
  if (state.src.slice(pos, pos + 2) !== "$$") return false;
  const first = state.src.slice(pos + 2, max);
  let content: string | null = null;
  let next = startLine + 1;
  const firstTrimmed = first.trimEnd();
  if (firstTrimmed.length >= 2 && firstTrimmed.endsWith("$$")) {
    content = firstTrimmed.slice(0, -2);
  } else {
    const lines = [first];
    for (; next < endLine; next++) {
      const text = state.src.slice(state.bMarks[next] + state.tShift[next], state.eMarks[next]);
      // TeX math cannot contain a blank line, and a dedent leaves the container: either ends the search.
      if (state.isEmpty(next) || state.sCount[next] < state.blkIndent) break;
      const trimmed = text.trimEnd();
      if (trimmed.endsWith("$$")) {
        if (trimmed.length > 2) lines.push(trimmed.slice(0, -2));
        content = lines.join("\n");
        next++;
        break;
      }
      lines.push(text);
    }
  }
  if (content === null) {
    if (!silent) {
      (readEnv(state.env)).diagnostics.push({
        severity: "warning",
        code: "unclosed",
        message: "`$$` display math is not closed by a `$$` before the next blank line; it is shown as text",
        line: startLine + 1,
        column: 1,
      });
    }
    return false;
  }
  if (silent) return true;
  const token = state.push("math_block", "math", 0);
  token.block = true;
  token.content = content;
  token.map = [startLine, next];
  token.markup = "$$";
  state.line = next;
  return true;
}

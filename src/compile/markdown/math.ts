// `$inline$` and `$$display$$` math for markdown-it: the two rules and their renderers.

import type { MarkdownIt } from "markdown-it";
import { mathBlock } from "./mathBlock.ts";
import { mathInline } from "./mathInline.ts";

/** Adds the math rules; tokens are rendered (and errors located) by collectCells after inline parsing. */
export function mathPlugin(md: MarkdownIt): void {
  md.inline.ruler.before("backticks", "math_inline", mathInline);
  md.block.ruler.before("fence", "math_block", mathBlock);
  md.renderer.rules.math_inline = (tokens, i) => String(tokens[i].meta?.html ?? "");
  md.renderer.rules.math_block = (tokens, i) => `<div class="math-display">${tokens[i].meta?.html ?? ""}</div>\n`;
}

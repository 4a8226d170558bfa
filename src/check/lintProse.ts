// Lint rules that read the prose: images without alt text. (Links between lessons are the site's
// to check: src/site/checkLinks.ts, which knows every lesson and its anchors.)
import { parseMarkdown, type Diagnostic } from "../compile/index.ts";
import { findImagesWithoutAlt } from "./findImagesWithoutAlt.ts";

/** Warnings for images without alt text (`![](…)`, `<img>`), each at its place in the .md file. */
export function lintProse(source: string): Diagnostic[] {
  // The compiler's own parse, so the lint reads the prose exactly as the page shows it (cells and
  // math are not prose); its body keeps the file's lines, the front matter's left empty.
  const { body: text, tokens } = parseMarkdown(source);
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  const at = (offset: number) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
    return { line: line + 1, column: offset - starts[line]! + 1 };
  };
  const out: Diagnostic[] = [];
  const warnImage = (offset: number) =>
    out.push({ severity: "warning", code: "lint", message: "image has no alt text: describe it between the brackets (![…](…)) or in alt=\"…\"", ...at(offset) });
  for (const token of tokens) {
    if (!token.map) continue;
    const start = starts[token.map[0]] ?? 0;
    if (token.type === "html_block") {
      const base = text.indexOf(token.content.trimEnd(), start);
      for (const offset of findImagesWithoutAlt(token.content)) warnImage((base < 0 ? start : base) + offset);
    }
    if (token.type !== "inline") continue;
    let cursor = start;
    const find = (needle: string) => {
      const found = text.indexOf(needle, cursor);
      if (found < 0) return cursor;
      cursor = found + needle.length;
      return found;
    };
    for (const child of token.children ?? []) {
      if (child.type === "image") {
        const offset = find("![");
        if (!child.content.trim()) warnImage(offset);
      } else if (child.type === "html_inline") {
        const offset = find(child.content);
        for (const image of findImagesWithoutAlt(child.content)) warnImage(offset + image);
      }
    }
  }
  return out;
}

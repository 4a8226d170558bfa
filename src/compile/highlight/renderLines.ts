// Puts each line of a highlighted listing in a span of its own, so a wrapped line continues under its
// own indentation (theme.css `.line`), as the cell editor's wrapped lines do.

/** The columns a tab advances to the next multiple of: theme.css `pre { tab-size: 2 }`. */
const tabSize = 2;
/** How much further than its line's indentation a wrapped line's continuation starts (CodeMirror's indent unit). */
const hang = 2;

/**
 * Splits `html`, the highlighted HTML of `code` (escaped text and `<span …>`/`</span>` only, as
 * highlightCode writes it), into one `<span class="line">` per source line, separated by the
 * source's own newlines: the text (textContent, a copy) stays exactly `code`. A highlight span that
 * crosses a line end (a block comment, a template string) is closed there and opened again on the
 * next line. Empty lines get no span.
 */
export function renderLines(html: string, code: string): string {
  const htmlLines = html.split("\n");
  const codeLines = code.split("\n");
  if (htmlLines.length !== codeLines.length) return html; // Not the HTML of `code`: leave it as it was.
  const open: string[] = [];
  let out = "";
  for (let i = 0; i < htmlLines.length; i++) {
    const line = htmlLines[i];
    const reopened = open.join("");
    if (line.includes("<")) {
      for (const tag of line.matchAll(/<\/?span\b[^>]*>/g)) {
        if (tag[0][1] === "/") open.pop();
        else open.push(tag[0]);
      }
    }
    if (i > 0) out += "\n";
    if (!line) continue;
    const indent = measureIndent(codeLines[i]);
    const style = indent ? ` style="--indent:${indent}"` : "";
    out += `<span class="line"${style}>${reopened}${line}${"</span>".repeat(open.length)}</span>`;
  }
  return out;
}

/**
 * A listing line's `--indent`, in columns: where its continuation starts, less the hang (its leading
 * whitespace; 0 when blank). A line with a tab gets an even offset (indent + hang), since Chromium
 * sets tab stops from the start of the line's padding, not of its first line (which the negative
 * text-indent moves left), and an odd offset would move every tab by a column.
 */
export function measureIndent(line: string): number {
  let columns = 0;
  let i = 0;
  for (; i < line.length; i++) {
    if (line[i] === " ") columns++;
    else if (line[i] === "\t") columns += tabSize - (columns % tabSize);
    else break;
  }
  if (i === line.length) columns = 0; // Blank: nothing to continue.
  if (line.includes("\t")) columns += (columns + hang) % tabSize;
  return columns;
}

// Puts each line of a highlighted listing in a span of its own, so a wrapped line continues under its
// own indentation (theme.css `.line`), as the cell editor's wrapped lines do.

/** The columns a tab advances to the next multiple of: theme.css `pre { tab-size: 2 }`. */
const tabSize = 2;
/** How much further than its line's indentation a wrapped line's continuation starts (CodeMirror's indent unit). */
const hang = 2;

/**
 * Splits `html`, highlighted code (escaped text and `<span …>`/`</span>` only, as highlightCode
 * writes it), into one `<span class="line">` per line, separated by the code's own newlines: the
 * text (textContent, a copy) stays exactly the code. A highlight span that crosses a line end (a
 * block comment, a template string) is closed there and opened again on the next line. Empty lines
 * get no span. A line's indentation is read from its HTML: a span opens only at a token, never on
 * the spaces before it, and escaping leaves spaces and tabs alone.
 */
export function renderLines(html: string): string {
  // One pass with indexOf, and tags kept only while a span crosses a line: this runs on every line
  // of every cell, cold, in a lesson's first compile.
  let open: string[] | null = null;
  let out = "";
  for (let start = 0; start <= html.length; ) {
    let end = html.indexOf("\n", start);
    if (end < 0) end = html.length;
    const line = html.slice(start, end);
    const reopened = open ? open.join("") : "";
    for (let tag = line.indexOf("<"); tag >= 0; tag = line.indexOf("<", tag + 1)) {
      if (line.charCodeAt(tag + 1) === 47 /* / */) open?.pop();
      else (open ??= []).push(line.slice(tag, line.indexOf(">", tag) + 1));
    }
    if (start > 0) out += "\n";
    if (line) {
      const indent = measureIndent(line);
      out += indent ? `<span class="line" style="--indent:${indent}">` : `<span class="line">`;
      out += reopened + line + (open?.length ? "</span>".repeat(open.length) : "") + "</span>";
    }
    start = end + 1;
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

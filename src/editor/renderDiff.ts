// A line diff as text nodes (never HTML), for "the author changed this cell" and share dialogs.

import { diffLines } from "diff";

/** One line of a diff: "+" added, "-" removed, " " unchanged. */
export interface DiffLine {
  sign: "+" | "-" | " ";
  text: string;
}

/** The line diff from `before` to `after` (jsdiff's diffLines). */
export function diffSources(before: string, after: string): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const change of diffLines(before, after)) {
    const sign = change.added ? "+" : change.removed ? "-" : " ";
    const text = change.value.endsWith("\n") ? change.value.slice(0, -1) : change.value;
    for (const line of text.split("\n")) lines.push({ sign, text: line });
  }
  return lines;
}

/** Renders the diff as a `<pre>` of lines prefixed by +, - or a space; text only. */
export function renderDiff(doc: Document, before: string, after: string): HTMLElement {
  const pre = doc.createElement("pre");
  pre.className = "cell-diff";
  for (const { sign, text } of diffSources(before, after)) {
    const line = doc.createElement("span");
    line.className = sign === "+" ? "diff-added" : sign === "-" ? "diff-removed" : "diff-same";
    line.textContent = `${sign} ${text}\n`;
    pre.append(line);
  }
  return pre;
}

// A line diff as text nodes (never HTML), for "the author changed this cell" and share dialogs. The
// lines are JavaScript's lines, with whatever would hide code shown as markers (revealHidden.ts), and
// long runs of blank lines shown as a count, so no code can sit unseen between the lines shown.

import { diffLines } from "diff";
import { hasMarker, marker, revealSource, splitMarkers } from "./revealHidden.ts";

/** One line of a diff: "+" added, "-" removed, " " unchanged; `text` may hold markers (revealHidden.ts). */
export interface DiffLine {
  sign: "+" | "-" | " ";
  text: string;
}

/** Blank lines in a row beyond this many are shown as one line that counts them. */
export const MAX_BLANK_LINES = 2;

/** The line diff from `before` to `after` (jsdiff's diffLines), on the code as JavaScript reads it. */
export function diffSources(before: string, after: string): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const change of diffLines(revealSource(before), revealSource(after))) {
    const sign = change.added ? "+" : change.removed ? "-" : " ";
    const text = change.value.endsWith("\n") ? change.value.slice(0, -1) : change.value;
    for (const line of text.split("\n")) lines.push({ sign, text: line });
  }
  return collapseBlankRuns(lines);
}

/**
 * Renders the diff as a `<pre>` of lines prefixed by +, - or a space; text only. Markers are
 * `<mark>` elements with a title saying what they stand for.
 */
export function renderDiff(doc: Document, before: string, after: string): HTMLElement {
  const pre = doc.createElement("pre");
  pre.className = "cell-diff";
  for (const { sign, text } of diffSources(before, after)) {
    const line = doc.createElement("span");
    line.className = sign === "+" ? "diff-added" : sign === "-" ? "diff-removed" : "diff-same";
    if (hasMarker(text)) line.classList.add("diff-hidden");
    line.append(`${sign} `);
    for (const piece of splitMarkers(text)) {
      if ("text" in piece) line.append(piece.text);
      else {
        const mark = doc.createElement("mark");
        mark.className = "diff-marker";
        mark.title = piece.title;
        mark.textContent = `\u27E8${piece.marker}\u27E9`;
        line.append(mark);
      }
    }
    line.append("\n");
    pre.append(line);
  }
  return pre;
}

function collapseBlankRuns(lines: DiffLine[]): DiffLine[] {
  const out: DiffLine[] = [];
  for (let i = 0; i < lines.length; ) {
    let end = i;
    while (end < lines.length && lines[end]!.sign === lines[i]!.sign && lines[end]!.text.trim() === "") end++;
    const run = end - i;
    if (run > MAX_BLANK_LINES) {
      out.push({ sign: lines[i]!.sign, text: marker(`${run} blank lines`, `${run} blank lines in a row`) });
      i = end;
    } else if (run > 0) {
      out.push(...lines.slice(i, end));
      i = end;
    } else out.push(lines[i++]!);
  }
  return out;
}

// Heading ids for markdown-it-anchor: lowercase words joined by hyphens.

/** Makes a heading's id: lowercase words joined by hyphens, punctuation and emoji dropped. */
export function slugify(text: string): string {
  // ASCII text, most headings, is its own NFKD form and has no combining marks, and its letters and
  // digits are exactly \p{L} and \p{N}: the ASCII class reads it the same without V8 compiling those
  // two Unicode property classes, a cold compile's cost (issue 15).
  const kept = /^[\x00-\x7f]*$/.test(text)
    ? text.trim().toLowerCase().replace(/[^a-z0-9\s_-]/g, "")
    : text
        .trim()
        .toLowerCase()
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/[^\p{L}\p{N}\s_-]/gu, "");
  return kept.trim().replace(/[\s_-]+/g, "-") || "section";
}

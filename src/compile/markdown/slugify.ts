// Heading ids for markdown-it-anchor: lowercase words joined by hyphens.

/** Makes a heading's id: lowercase words joined by hyphens, punctuation and emoji dropped. */
export function slugify(text: string): string {
  return (
    text
      .trim()
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .trim()
      .replace(/[\s_-]+/g, "-") || "section"
  );
}

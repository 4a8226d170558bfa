// `<img>` tags with a missing or empty alt attribute, in HTML written in prose or in a cell.

/** Offsets in `text` of every `<img …>` tag whose alt attribute is missing or blank. */
export function findImagesWithoutAlt(text: string): number[] {
  const offsets: number[] = [];
  for (const match of text.matchAll(/<img\b[^>]*>/gi)) {
    const alt = /\balt\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(match[0]);
    const value = alt ? (alt[2] ?? alt[3] ?? alt[4] ?? "") : "";
    // An interpolated alt (alt=${…}) is the author's business.
    if (!value.trim()) offsets.push(match.index);
  }
  return offsets;
}

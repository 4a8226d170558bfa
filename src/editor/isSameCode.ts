// Comparing versions of a cell as a reader sees them.

/** True when two versions of a cell differ at most in trailing whitespace. */
export function isSameCode(a: string, b: string): boolean {
  return a.trimEnd() === b.trimEnd();
}

/** A cell's source as the editor shows it: a fence's final newline would be an empty last line. */
export function showSource(source: string): string {
  return source.endsWith("\n") ? source.slice(0, -1) : source;
}

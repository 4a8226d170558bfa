// Escapes text for HTML.

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  // Most pieces (a listing's names and spaces, between its highlighted tokens) need no escape: a
  // test allocates nothing, where a global replace with a callback allocates even without a match.
  return special.test(text) ? text.replace(/[&<>"']/g, (c) => entities[c]) : text;
}

const special = /[&<>"']/;

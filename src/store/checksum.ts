// A checksum of stored text: enough to notice a truncated or garbled write (not a signature:
// anyone who can write the storage can recompute it).

/** FNV-1a, 32 bits, as 8 hex digits. */
export function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

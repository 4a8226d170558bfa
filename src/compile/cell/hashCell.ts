// Cell ids: a content hash of the cell (the hash itself is src/contract/hashString.ts).
import { hashString } from "../../contract/hashString.ts";

/** The id of a cell: a hash of its language, kind and source, independent of its position. */
export function hashCell(lang: string, inline: boolean, source: string): string {
  // The low 40 bits: the 14-digit hex's leading digit carries only one bit.
  return hashString(`${lang}\0${inline ? "inline" : "block"}\0${source}`).slice(-10);
}

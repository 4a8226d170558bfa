// The names a cell that does not parse still declares, from acorn-loose's error-tolerant parse: with
// them, the cells that use those names wait for the broken cell instead of reporting them undefined.

import { isDummy, parse } from "acorn-loose";
import type { Identifier } from "acorn";
import { findDeclarations } from "./findDeclarations.ts";
import { parseOptions } from "./parseCell.ts";

/** The top-level names `source` declares as far as a tolerant parse can tell; [] when it cannot. */
export function recoverDeclarations(source: string): Identifier[] {
  try {
    // acorn-loose keeps going past errors, filling gaps with dummy nodes (named "✖").
    return findDeclarations(parse(source, parseOptions)).filter((id) => !isDummy(id) && id.name !== "✖");
  } catch {
    return [];
  }
}

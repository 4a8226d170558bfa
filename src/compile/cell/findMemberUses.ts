// Finds which members of a library builtin (`Plot`) a lesson's cells read, so a page can load a
// module with only those members instead of the whole namespace.

import { fullAncestor } from "acorn-walk";
import type { Node } from "acorn";
import { JavaScriptParser, parseCell } from "./parseCell.ts";
import type { Cell } from "../types.ts";

/**
 * The members of `name` that `cells` read as `name.member`, sorted; null when a cell uses `name`
 * any other way (passes it on, reads `name[key]`, declares its own): then only the whole module
 * is safe. A cell that does not read `name` (see `inputs`) or does not parse adds nothing.
 */
export function findMemberUses(cells: readonly Pick<Cell, "js" | "inline" | "inputs">[], name: string): string[] | null {
  const members = new Set<string>();
  for (const cell of cells) {
    if (!cell.inputs.includes(name)) continue;
    let root: Node;
    try {
      root = parseCell(JavaScriptParser, cell.js, cell.inline).node;
    } catch {
      continue; // Its syntax error stops the cell; it reads nothing.
    }
    if (!collectMembers(root, name, members)) return null;
  }
  return [...members].sort();
}

/** Adds each `name.member` under `root` to `members`; false on any other use of the identifier. */
function collectMembers(root: Node, name: string, members: Set<string>): boolean {
  let isStatic = true;
  fullAncestor(root, (node, _state, ancestors) => {
    if (node.type !== "Identifier" || (node as Node & { name: string }).name !== name) return;
    const parent = ancestors[ancestors.length - 2] as (Node & { object?: Node; property?: Node & { name?: string }; computed?: boolean }) | undefined;
    // `a.Plot` (a property, not the builtin) is no use of it; `Plot.member` is a static one.
    if (parent?.type === "MemberExpression" && parent.property === node && !parent.computed) return;
    if (parent?.type === "MemberExpression" && parent.object === node && !parent.computed && parent.property?.type === "Identifier") {
      members.add(parent.property.name!);
      return;
    }
    isStatic = false;
  });
  return isStatic;
}

// Finds a program cell's top-level declarations: the names it defines for other cells.

import type { Identifier, Program } from "acorn";
import { findPatternNames } from "./findReferences.ts";
import { isBlankedStatement, isTypeSpecifier } from "./stripTypes.ts";

/** The identifiers the program declares at its top level (imports included), in source order. */
export function findDeclarations(program: Program): Identifier[] {
  const names: Identifier[] = [];
  for (const node of program.body) {
    // A TypeScript tree (stripTypes' parse) may hold what blanks to nothing: it declares nothing.
    if (isBlankedStatement(node)) continue;
    switch (node.type) {
      case "VariableDeclaration":
        for (const d of node.declarations) names.push(...findPatternNames(d.id));
        break;
      case "FunctionDeclaration":
      case "ClassDeclaration":
        if (node.id) names.push(node.id);
        break;
      case "ImportDeclaration":
        for (const s of node.specifiers) if (!isTypeSpecifier(s)) names.push(s.local);
        break;
    }
  }
  return names;
}

// acorn-walk's base walker, extended to step over TypeScript: a cell's TypeScript tree is walked as
// the JavaScript its types blank to (stripTypes), so one parse serves both.

import { base, type RecursiveVisitors } from "acorn-walk";
import type { Node } from "acorn";
import { isBlankedMember, isBlankedStatement } from "./stripTypes.ts";

type Walker = RecursiveVisitors<unknown>;
type Visit = (node: Node, state: unknown, c: (node: Node, state: unknown, override?: string) => void) => void;
// acorn-typescript's nodes carry fields acorn's .d.ts does not know; this is that boundary.
type AnyNode = Node & { [key: string]: any };

const ignore: Visit = () => {};
/** `x as T`, `x satisfies T`, `x!`, `<T>x`, `f<T>`: the JavaScript is the expression alone. */
const expressionOnly: Visit = (node, state, c) => c((node as AnyNode).expression, state, "Expression");
/** A class member that stripTypes blanks whole is not walked (its names are types'). */
const unlessBlanked = (visit: Visit): Visit => (node, state, c) => {
  if (!isBlankedMember(node)) visit(node, state, c);
};

/**
 * acorn-walk's `base`, plus TypeScript's nodes: type-only declarations and members are skipped,
 * type assertions walk their expression; type annotations are never walked (no base visitor reads
 * them). On a JavaScript tree it walks exactly as `base`.
 */
export const walkBase: Walker = {
  ...base,
  TSAsExpression: expressionOnly,
  TSSatisfiesExpression: expressionOnly,
  TSNonNullExpression: expressionOnly,
  TSTypeAssertion: expressionOnly,
  TSInstantiationExpression: expressionOnly,
  TSInterfaceDeclaration: ignore,
  TSTypeAliasDeclaration: ignore,
  TSDeclareFunction: ignore,
  TSIndexSignature: ignore,
  // Every statement passes here before its own visitor: a statement blanked whole (`declare`,
  // `interface`, `import type`, an overload) is not reached, so no visitor sees its names.
  Statement: (node, state, c) => {
    if (!isBlankedStatement(node)) c(node, state);
  },
  MethodDefinition: unlessBlanked(base.MethodDefinition as Visit),
  PropertyDefinition: unlessBlanked(base.PropertyDefinition as Visit),
} as Walker;

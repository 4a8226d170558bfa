// Finds a cell's free names: the identifiers it reads or assigns that no enclosing scope declares.

import { ancestor } from "acorn-walk";
import type { Identifier, Node, Pattern } from "acorn";
import { isTypeSpecifier } from "./stripTypes.ts";
import { walkBase } from "./walkBase.ts";

/** A free name in a cell, with its first use's offset and whether the cell assigns to it. */
export interface Reference {
  name: string;
  node: Identifier;
  /** True when the cell assigns to the name (`x = 1`, `x++`, `for (x of …)`). */
  assigned: boolean;
}

type AnyNode = Node & { [key: string]: any }; // acorn-walk's callbacks are untyped at this boundary

const functionTypes = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);
const blockTypes = new Set([
  "BlockStatement", "ForInStatement", "ForOfStatement", "ForStatement", "SwitchStatement",
  "StaticBlock", "Program",
]);

function isScope(node: Node): boolean {
  return functionTypes.has(node.type) || node.type === "Program";
}

function isBlockScope(node: Node): boolean {
  return isScope(node) || blockTypes.has(node.type);
}

/** Every free identifier in `root` (a Program or an expression, JavaScript or stripTypes' TypeScript tree), in source order. */
export function findReferences(root: Node): Reference[] {
  const locals = new Map<Node, Set<string>>();
  const assignedNodes = new Set<Node>();
  const declare = (scope: Node | null, name: string) => {
    if (!scope) return;
    const set = locals.get(scope);
    if (set) set.add(name);
    else locals.set(scope, new Set([name]));
  };
  const declarePattern = (pattern: Pattern | AnyNode, scope: Node | null) => {
    for (const id of findPatternNames(pattern)) declare(scope, id.name);
  };
  const declareFunction = (node: AnyNode) => {
    for (const param of node.params) declarePattern(param, node);
    if (node.id && node.type !== "FunctionDeclaration") declare(node, node.id.name);
    if (node.type !== "ArrowFunctionExpression") declare(node, "arguments");
  };
  const nearest = (parents: Node[], test: (node: Node) => boolean, skip: number) => {
    for (let i = parents.length - 1 - skip; i >= 0; i--) if (test(parents[i])) return parents[i];
    return null;
  };
  const markAssigned = (pattern: AnyNode) => {
    for (const id of findPatternNames(pattern)) assignedNodes.add(id);
  };

  ancestor(root, {
    VariableDeclaration(node: AnyNode, _: unknown, parents: Node[]) {
      const scope = nearest(parents, node.kind === "var" ? isScope : isBlockScope, 1);
      for (const d of node.declarations) declarePattern(d.id, scope);
    },
    FunctionDeclaration(node: AnyNode, _: unknown, parents: Node[]) {
      declare(nearest(parents, isBlockScope, 1), node.id.name);
    },
    Function: declareFunction,
    ClassDeclaration(node: AnyNode, _: unknown, parents: Node[]) {
      declare(nearest(parents, isBlockScope, 1), node.id.name);
    },
    ClassExpression(node: AnyNode) {
      if (node.id) declare(node, node.id.name);
    },
    CatchClause(node: AnyNode) {
      if (node.param) declarePattern(node.param, node);
    },
    ImportDeclaration(node: AnyNode) {
      for (const s of node.specifiers) if (!isTypeSpecifier(s)) declare(root, s.local.name);
    },
    AssignmentExpression(node: AnyNode) {
      markAssigned(node.left);
    },
    UpdateExpression(node: AnyNode) {
      markAssigned(node.argument);
    },
    ForInStatement(node: AnyNode) {
      if (node.left.type !== "VariableDeclaration") markAssigned(node.left);
    },
    ForOfStatement(node: AnyNode) {
      if (node.left.type !== "VariableDeclaration") markAssigned(node.left);
    },
  } as never, walkBase);

  const references: Reference[] = [];
  const identifier = (node: AnyNode, _: unknown, parents: Node[]) => {
    const name = node.name as string;
    for (let i = parents.length - 2; i >= 0; i--) if (locals.get(parents[i])?.has(name)) return;
    references.push({ name, node: node as Identifier, assigned: assignedNodes.has(node) });
  };
  ancestor(root, { VariablePattern: identifier, Identifier: identifier } as never, walkBase);
  return references;
}

/** The identifiers a binding or assignment pattern binds (member targets like `a.b` bind none). */
export function findPatternNames(pattern: AnyNode | null): Identifier[] {
  const names: Identifier[] = [];
  const stack: (AnyNode | null)[] = [pattern];
  while (stack.length) {
    const node = stack.pop();
    if (!node) continue;
    switch (node.type) {
      case "Identifier": names.push(node as Identifier); break;
      case "ObjectPattern": for (let i = node.properties.length - 1; i >= 0; i--) stack.push(node.properties[i]); break;
      case "ArrayPattern": for (let i = node.elements.length - 1; i >= 0; i--) stack.push(node.elements[i]); break;
      case "Property": stack.push(node.value); break;
      case "RestElement": stack.push(node.argument); break;
      case "AssignmentPattern": stack.push(node.left); break;
      // `x! = 1`, `(x as T) = 1` in a TypeScript tree: the target is the expression.
      case "TSNonNullExpression": case "TSAsExpression": case "TSSatisfiesExpression": case "TSTypeAssertion":
        stack.push(node.expression); break;
    }
  }
  return names;
}

// Where a cell declares one of its outputs, for "go to definition" from another cell.
import ts from "typescript";

/** The span of the name `name` where the top level of `source` declares it, or undefined. */
export function findDeclaration(source: string, name: string): { from: number; to: number } | undefined {
  const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  let found: ts.Identifier | undefined;
  const visitBinding = (node: ts.BindingName) => {
    if (found) return;
    if (ts.isIdentifier(node)) {
      if (node.text === name) found = node;
    } else for (const element of node.elements) if (!ts.isOmittedExpression(element)) visitBinding(element.name);
  };
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) statement.declarationList.declarations.forEach((d) => visitBinding(d.name));
    else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name?.text === name) found = statement.name;
    else if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name?.text === name) found = clause.name;
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings) && bindings.name.text === name) found = bindings.name;
      if (bindings && ts.isNamedImports(bindings)) found ??= bindings.elements.find((e) => e.name.text === name)?.name;
    }
    if (found) break;
  }
  return found ? { from: found.getStart(file), to: found.end } : undefined;
}

// What the lesson module (emitLessonProgram) needs of a cell's TypeScript parse: which statements
// go to the module's top level, the names they import, the classes it declares and where a
// one-expression cell's `;` is. Offsets only, so the build can compute it once per cell and the
// page's checker skip parsing every unedited cell (see summarizeCell.ts).
import ts from "typescript";

/** A cell's parse as the lesson module uses it (offsets in the cell's source). */
export interface CellLayout {
  /** [start, end) of the top-level imports, type aliases and interfaces: copied to the module's top level. */
  hoisted: [number, number][];
  /** The names those imports declare. */
  imported: string[];
  /** The names of the classes the cell declares at its top level (each is a type too). */
  classes: string[];
  /** The offset of the `;` that ends the cell's first statement when it is an expression; -1 when none. */
  semicolon: number;
}

/** Parses `source` as TypeScript (as every cell is parsed for the lesson module) and lays it out. */
export function layoutCell(source: string): CellLayout {
  const parsed = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const hoisted = parsed.statements.filter((s) => ts.isImportDeclaration(s) || ts.isTypeAliasDeclaration(s) || ts.isInterfaceDeclaration(s));
  const classes = parsed.statements.flatMap((s) => (ts.isClassDeclaration(s) && s.name ? [s.name.text] : []));
  return {
    hoisted: hoisted.map((node): [number, number] => [node.getStart(), node.end]),
    imported: hoisted.filter(ts.isImportDeclaration).flatMap(importedNames),
    classes,
    semicolon: findTrailingSemicolon(source, parsed),
  };
}

/** `1 + 2;` is an expression cell too, but `(1 + 2;)` is not an expression: where that `;` is. */
function findTrailingSemicolon(source: string, parsed: ts.SourceFile): number {
  const statement = parsed.statements[0];
  if (!statement || !ts.isExpressionStatement(statement)) return -1;
  const semicolon = source.slice(statement.expression.end, statement.end).lastIndexOf(";");
  return semicolon < 0 ? -1 : statement.expression.end + semicolon;
}

function importedNames(node: ts.ImportDeclaration): string[] {
  const clause = node.importClause;
  if (!clause) return [];
  const names = clause.name ? [clause.name.text] : [];
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
  if (bindings && ts.isNamedImports(bindings)) names.push(...bindings.elements.map((e) => e.name.text));
  return names;
}

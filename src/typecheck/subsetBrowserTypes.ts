// The browser's declarations cut to what a first answer uses. lib.dom.d.ts is three quarters of the
// page checker's smaller program (112k of 148k nodes), yet a cell about numbers uses a few dozen of
// its 2,000 names. The build (collectCheckerFiles) writes a subset: every declaration reachable by
// name from the program's other files and from the words of the lessons' cells, each interface as
// a stub (its name and type parameters, no members, no bases) unless checking the lessons' cells
// looked inside it. The page's checker answers from it only when no cell the answer depends on
// names a left-out declaration or `globalThis`, and after answering it looks whether the checker
// looked inside a stub: if it did, the answer is dropped and the whole program answers
// (createLessonService.ts). So the subset gives the whole program's answer or none.
import ts from "typescript";

/** The subset the page's checker may answer from (shipped in CheckerFiles). */
export interface BrowserSubset {
  /** The subset's text of each of the browser's declaration files, by path (`/lib.dom.d.ts`…). */
  files: Record<string, string>;
  /** The global names of the browser's declarations that the subset leaves out. */
  leftOut: string[];
}

/** What subsetBrowserTypes starts from. */
export interface SubsetOptions {
  /** The names the program's other files refer to: each must be kept. */
  seeds: ReadonlySet<string>;
  /** Further names to keep if they may be (the words of the lessons' cells). */
  wanted: ReadonlySet<string>;
  /** The interfaces to keep whole (checking the lessons' cells looked inside them). */
  full: ReadonlySet<string>;
  /** Names the program's other files declare too (an interface merged with theirs is kept whole). */
  merged: ReadonlySet<string>;
}

/** A stub no check ever needs: it proves, in each checker, that a look inside a stub is seen (findLookedInto). */
const probe = "__LessonSubsetProbe";

/**
 * The names `node` refers to in scope: identifiers that are not a property name, a member or a
 * declared name, nor the right of a qualified name. A local name that shadows a global counts
 * too: a harmless excess.
 */
export function findReferencedNames(node: ts.Node, into = new Set<string>()): Set<string> {
  // Parents as the walk goes: files parsed without parent pointers (a compiler host's) work too.
  const visit = (parent: ts.Node) => (child: ts.Node): void => {
    if (ts.isIdentifier(child) && isReference(child, parent)) into.add(child.text);
    ts.forEachChild(child, visit(child));
  };
  ts.forEachChild(node, visit(node));
  return into;
}

function isReference(id: ts.Identifier, parent: ts.Node): boolean {
  if (ts.isShorthandPropertyAssignment(parent)) return true;
  if (ts.isPropertyAccessExpression(parent)) return parent.expression === id;
  if (ts.isQualifiedName(parent)) return parent.left === id;
  if (ts.isBindingElement(parent) && parent.propertyName === id) return false;
  return !(declarationKinds().has(parent.kind) && (parent as ts.Node & { name?: ts.Node }).name === id);
}

let kinds: ReadonlySet<ts.SyntaxKind> | undefined;

/**
 * The nodes whose `name` declares a name (or a member) rather than refer to one. Made on first use:
 * in the page's worker, `ts` is a stand-in until TypeScript has loaded (src/editor/typecheck/checkerWorker.ts).
 */
const declarationKinds = (): ReadonlySet<ts.SyntaxKind> => (kinds ??= new Set([
  ts.SyntaxKind.PropertySignature, ts.SyntaxKind.MethodSignature, ts.SyntaxKind.PropertyDeclaration, ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.PropertyAssignment, ts.SyntaxKind.GetAccessor, ts.SyntaxKind.SetAccessor, ts.SyntaxKind.EnumMember, ts.SyntaxKind.Parameter,
  ts.SyntaxKind.TypeParameter, ts.SyntaxKind.InterfaceDeclaration, ts.SyntaxKind.TypeAliasDeclaration, ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.ClassExpression, ts.SyntaxKind.FunctionDeclaration, ts.SyntaxKind.FunctionExpression, ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.ModuleDeclaration, ts.SyntaxKind.EnumDeclaration, ts.SyntaxKind.BindingElement, ts.SyntaxKind.ImportSpecifier,
  ts.SyntaxKind.ExportSpecifier, ts.SyntaxKind.ImportClause, ts.SyntaxKind.NamespaceImport, ts.SyntaxKind.NamespaceExport,
  ts.SyntaxKind.ImportEqualsDeclaration, ts.SyntaxKind.LabeledStatement, ts.SyntaxKind.NamedTupleMember, ts.SyntaxKind.JsxAttribute,
]));

/** The global names a top-level statement declares. */
function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  const name = (statement as ts.Statement & { name?: ts.Node }).name;
  return name && ts.isIdentifier(name) ? [name.text] : [];
}

/**
 * The subset of `browser` (the parsed lib.dom*.d.ts files) reachable from `seeds` (names the other
 * files and the cells use). Interfaces are stubs except those in `full`; an interface also declared
 * outside the browser's files (`merged`, e.g. `ImportMeta`) is kept whole, as is every other kind
 * of declaration. A declaration that names `globalThis` (`window`, `self`: every global is a member
 * of their type) is left out, and so is one that names a left-out one; an interface naming one
 * stays a stub. `wanted` (the words of the cells) are reached too, but may be left out: the page
 * checks the cells' words against `leftOut`. Undefined when a seed is such a name (the other files
 * would then refer to nothing) or `globalThis`.
 */
export function subsetBrowserTypes(browser: readonly ts.SourceFile[], { seeds, wanted, full, merged }: SubsetOptions): BrowserSubset | undefined {
  const statements = new Map<string, ts.Statement[]>();
  for (const file of browser) for (const statement of file.statements) for (const name of declaredNames(statement)) statements.set(name, [...(statements.get(name) ?? []), statement]);
  const refs = new Map<ts.Statement, Set<string>>();
  const refsOf = (statement: ts.Statement) => refs.get(statement) ?? refs.set(statement, findReferencedNames(statement)).get(statement)!;
  const namesPoisoned = (statement: ts.Statement) => [...refsOf(statement)].some((ref) => poisoned.has(ref));
  // Names whose value, type alias or function declarations must go: they name `globalThis`, or a name that went.
  const poisoned = new Set<string>(["globalThis"]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, list] of statements) {
      if (poisoned.has(name) || !list.some((s) => !ts.isInterfaceDeclaration(s) && namesPoisoned(s))) continue;
      poisoned.add(name);
      changed = true;
    }
  }
  const isStub = (name: string, statement: ts.Statement): statement is ts.InterfaceDeclaration =>
    ts.isInterfaceDeclaration(statement) && !merged.has(name) && (!full.has(name) || statements.get(name)!.some(namesPoisoned));
  const isKept = (name: string, statement: ts.Statement) => ts.isInterfaceDeclaration(statement) || !poisoned.has(name);

  const reached = new Set<string>();
  const waiting = [...seeds, ...wanted].filter((name) => statements.has(name));
  for (let name = waiting.pop(); name !== undefined; name = waiting.pop()) {
    if (reached.has(name)) continue;
    reached.add(name);
    for (const statement of statements.get(name)!) {
      if (!isKept(name, statement)) continue;
      for (const ref of isStub(name, statement) ? typeParameterRefs(statement) : refsOf(statement)) if (statements.has(ref) && !reached.has(ref)) waiting.push(ref);
    }
  }

  const files: Record<string, string> = {};
  const kept = new Set<string>();
  for (const file of browser) {
    const parts: string[] = [];
    for (const statement of file.statements) {
      const [name, ...others] = declaredNames(statement);
      if (name === undefined || others.length || !reached.has(name) || !isKept(name, statement)) continue;
      const parameters = ts.isInterfaceDeclaration(statement) ? statement.typeParameters : undefined;
      parts.push(isStub(name, statement) ? `interface ${name}${parameters ? `<${parameters.map((p) => p.getText(file)).join(", ")}>` : ""} {}` : statement.getText(file));
      kept.add(name);
    }
    files[file.fileName] = `${parts.join("\n")}\n`;
  }
  const first = browser[0]?.fileName;
  if (first) files[first] += `interface ${probe} {}\n`;
  const leftOut = new Set([...statements.keys()].filter((name) => !kept.has(name) || statements.get(name)!.some((s) => !isKept(name, s))));
  leftOut.add("globalThis");
  // What is kept names nothing left out, and the other files name nothing left out (a name would
  // then refer to nothing, silently, in a declaration file): else no subset.
  const names = [...seeds, ...[...kept].flatMap((name) => statements.get(name)!.filter((s) => isKept(name, s)).flatMap((s) => [...(isStub(name, s) ? typeParameterRefs(s) : refsOf(s))]))];
  if (names.some((name) => leftOut.has(name))) return undefined;
  return { files, leftOut: [...leftOut].sort() };
}

/** The names an interface's type parameters refer to (their constraints and defaults): all a stub keeps. */
function typeParameterRefs(statement: ts.InterfaceDeclaration): Set<string> {
  const found = new Set<string>();
  for (const parameter of statement.typeParameters ?? []) findReferencedNames(parameter, found);
  return found;
}

/** An interface type's fields that say the checker looked inside it (TypeScript's internals: a boundary, probed in every checker). */
type SeenType = ts.Type & { declaredProperties?: unknown; resolvedBaseTypes?: unknown; members?: unknown };

const isLookedInto = (type: SeenType) => type.declaredProperties !== undefined || type.resolvedBaseTypes !== undefined || type.members !== undefined;

/** Checkers whose probe showed that a look inside a stub is seen. */
const probed = new WeakSet<ts.TypeChecker>();

/**
 * The stubs of the subset files `paths` that `program`'s checker looked inside (their members or
 * bases), or the probe's name when this TypeScript does not show such a look as this code expects:
 * empty when the checker has needed nothing the subset left out of an interface.
 */
export function findLookedInto(program: ts.Program, paths: readonly string[]): string[] {
  const checker = program.getTypeChecker();
  const stubs = paths.flatMap((path) => program.getSourceFile(path)?.statements.filter(ts.isInterfaceDeclaration).filter((s) => !s.members.length && !s.heritageClauses) ?? []);
  const typeOf = (statement: ts.InterfaceDeclaration) => {
    const symbol = checker.getSymbolAtLocation(statement.name);
    return symbol && (checker.getDeclaredTypeOfSymbol(symbol) as SeenType);
  };
  if (!probed.has(checker)) {
    const probeStub = stubs.find((s) => s.name.text === probe);
    const type = probeStub && typeOf(probeStub);
    if (!type || isLookedInto(type)) return [probe];
    checker.getPropertiesOfType(type);
    if (!isLookedInto(type)) return [probe];
    probed.add(checker);
  }
  return stubs.filter((statement) => {
    if (statement.name.text === probe) return false;
    const type = typeOf(statement);
    return !type || isLookedInto(type);
  }).map((statement) => statement.name.text);
}

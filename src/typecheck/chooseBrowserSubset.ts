// Which of the browser's declarations the page checker's first answer keeps (subsetBrowserTypes.ts),
// chosen once where the checker's files are collected: every declaration the smaller program's
// other files name (they must be there), and every one the lessons' cells name in a word (they may
// be); each interface a stub unless a check will likely look inside it (guessWhole). The page's
// checker looks, after each answer from the subset, whether a stub was looked inside, so a wrong
// guess costs a first answer from the whole program, never a wrong answer.
import ts from "typescript";
import { wordsOf } from "./deferLibraryTypes.ts";
import { findReferencedNames, subsetBrowserTypes, type BrowserSubset } from "./subsetBrowserTypes.ts";
import type { CellSource } from "./summarizeCell.ts";

/** What the subset is chosen from. */
export interface BrowserSubsetSources {
  /** The browser's declaration files (lib.dom*.d.ts), parsed as the page's checker has them (named by their paths there). */
  browser: readonly ts.SourceFile[];
  /** Every other file of the page checker's smaller program (the builtins with Plot and d3 `any`), the lesson's module aside. */
  others: readonly ts.SourceFile[];
  /** The lessons' live cells. */
  cells: readonly CellSource[];
}

/** The subset of the browser's declarations for the page's checker; undefined when there is none to make. */
export function chooseBrowserSubset({ browser, others, cells }: BrowserSubsetSources): BrowserSubset | undefined {
  if (!browser.length) return undefined;
  const seeds = new Set<string>();
  const merged = new Set<string>();
  for (const file of others) {
    for (const statement of file.statements) if (!isDecoratorMetadata(file, statement)) findReferencedNames(statement, seeds);
    for (const name of declaredGlobals(file)) merged.add(name);
  }
  const wanted = new Set(cells.flatMap((cell) => wordsOf(cell.source)));
  return subsetBrowserTypes(browser, { seeds, wanted, full: guessWhole(browser, new Set([...seeds, ...wanted])), merged });
}

/**
 * The interfaces a check of code naming `names` will likely look inside: those named, the ones
 * they extend, and the maps their members take `keyof` (`addEventListener<K extends keyof
 * HTMLElementEventMap>`), to a fixed point. Only a guess: a stub looked into makes the page's
 * checker answer from the whole program, so a miss costs time, never a wrong answer.
 */
function guessWhole(browser: readonly ts.SourceFile[], names: ReadonlySet<string>): Set<string> {
  const interfaces = new Map<string, ts.InterfaceDeclaration[]>();
  for (const file of browser) for (const s of file.statements) if (ts.isInterfaceDeclaration(s)) interfaces.set(s.name.text, [...(interfaces.get(s.name.text) ?? []), s]);
  const whole = new Set<string>();
  const waiting = [...names].filter((name) => interfaces.has(name));
  for (let name = waiting.pop(); name !== undefined; name = waiting.pop()) {
    if (whole.has(name)) continue;
    whole.add(name);
    const next: string[] = [];
    for (const declaration of interfaces.get(name)!) {
      for (const clause of declaration.heritageClauses ?? []) for (const type of clause.types) if (ts.isIdentifier(type.expression)) next.push(type.expression.text);
      const visit = (node: ts.Node): void => {
        if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.KeyOfKeyword && ts.isTypeReferenceNode(node.type) && ts.isIdentifier(node.type.typeName)) next.push(node.type.typeName.text);
        ts.forEachChild(node, visit);
      };
      visit(declaration);
    }
    for (const found of next) if (interfaces.has(found) && !whole.has(found)) waiting.push(found);
  }
  return whole;
}

/**
 * TypeScript's `type DecoratorMetadata = typeof globalThis extends { Symbol: … } ? …`: the one name
 * of `globalThis` in its libs, which reads `Symbol` (declared by the ES libs, never the browser's)
 * and so is the same over the subset. Any other use of `globalThis` in a file leaves no subset.
 */
function isDecoratorMetadata(file: ts.SourceFile, statement: ts.Statement): boolean {
  return ts.isTypeAliasDeclaration(statement) && statement.name.text === "DecoratorMetadata" && /(^|\/)lib\.decorators\.d\.ts$/.test(file.fileName);
}

/** The global names a declaration file declares: its own when it is a script, those in `declare global` when a module. */
function declaredGlobals(file: ts.SourceFile): string[] {
  const statements = ts.isExternalModule(file)
    ? file.statements.flatMap((s) => (ts.isModuleDeclaration(s) && s.name.text === "global" && s.body && ts.isModuleBlock(s.body) ? [...s.body.statements] : []))
    : [...file.statements];
  return statements.flatMap((s) => {
    if (ts.isVariableStatement(s)) return s.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
    const name = (s as ts.Statement & { name?: ts.Node }).name;
    return name && ts.isIdentifier(name) ? [name.text] : [];
  });
}

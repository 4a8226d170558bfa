// What `live-lesson/math` exports, read from its sources with the TypeScript API: each export's
// signature and doc comment, and each file's header, which names its formula and its source
// (paper, textbook section). The reference page is generated from this, so it cannot drift.
import { dirname, relative } from "node:path";
import ts from "typescript";

/** One export of the math module. */
export interface MathExport {
  name: string;
  kind: "function" | "constant" | "interface" | "type";
  /** `adam(options?: Partial<AdamOptions>): Optimizer<AdamOptions>`, `const exampleData: readonly DataPoint[]`, or the type's declaration. */
  signature: string;
  /** The doc comment's first paragraph on one line ("" when the export has none). */
  summary: string;
  /** The declaring file, relative to the module's folder (`optimizers/adam.ts`). */
  file: string;
}

/** One file of the math module that declares exports: its header comment, split. */
export interface MathFile {
  file: string;
  /** The header before its `Source:` sentence, on one line: what the file computes, its formula. */
  about: string;
  /** What follows `Source:` in the header ("" when it names none). */
  source: string;
  exports: MathExport[];
}

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  noEmit: true,
  strict: true,
  lib: ["lib.es2023.d.ts"],
  types: [],
};

/** The exports of the module whose entry is `indexFile` (its index.ts), grouped by declaring file in export order. */
export function describeMathExports(indexFile: string): MathFile[] {
  const program = ts.createProgram([indexFile], options);
  const checker = program.getTypeChecker();
  const entry = program.getSourceFile(indexFile);
  const moduleSymbol = entry && checker.getSymbolAtLocation(entry);
  if (!moduleSymbol) throw new Error(`cannot read the math module at ${indexFile}`);
  const root = dirname(indexFile);
  const files = new Map<string, MathFile>();
  const printer = ts.createPrinter({ removeComments: true });
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.[0];
    if (!declaration) continue;
    const sourceFile = declaration.getSourceFile();
    const file = relative(root, sourceFile.fileName).split("\\").join("/");
    if (!files.has(file)) files.set(file, { file, ...readHeader(sourceFile), exports: [] });
    files.get(file)!.exports.push({
      name: exported.name,
      ...describeDeclaration(exported.name, symbol, declaration, checker, printer),
      summary: firstParagraph(ts.displayPartsToString(symbol.getDocumentationComment(checker))),
      file,
    });
  }
  return [...files.values()];
}

function describeDeclaration(name: string, symbol: ts.Symbol, declaration: ts.Declaration, checker: ts.TypeChecker, printer: ts.Printer): Pick<MathExport, "kind" | "signature"> {
  const sourceFile = declaration.getSourceFile();
  if (ts.isFunctionDeclaration(declaration)) {
    const signature = checker.getSignatureFromDeclaration(declaration);
    const text = signature ? checker.signatureToString(signature, undefined, ts.TypeFormatFlags.NoTruncation) : "()";
    return { kind: "function", signature: `${name}${text}` };
  }
  if (ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration)) {
    const text = printer.printNode(ts.EmitHint.Unspecified, declaration, sourceFile).replace(/^export\s+/, "");
    return { kind: ts.isInterfaceDeclaration(declaration) ? "interface" : "type", signature: text };
  }
  const type = checker.getTypeOfSymbolAtLocation(symbol, declaration);
  return { kind: "constant", signature: `const ${name}: ${checker.typeToString(type, declaration, ts.TypeFormatFlags.NoTruncation)}` };
}

/** The file's leading `//` comment, split at `Source:`. */
function readHeader(sourceFile: ts.SourceFile): Pick<MathFile, "about" | "source"> {
  const text = sourceFile.getFullText();
  const comments = ts.getLeadingCommentRanges(text, 0) ?? [];
  const header = comments
    .filter((range) => range.kind === ts.SyntaxKind.SingleLineCommentTrivia)
    .map((range) => text.slice(range.pos + 2, range.end).trim())
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  const at = header.search(/\bSource:/);
  return at < 0 ? { about: header, source: "" } : { about: header.slice(0, at).trim(), source: header.slice(at + "Source:".length).trim() };
}

function firstParagraph(text: string): string {
  return (text.split(/\n\s*\n/)[0] ?? "").replace(/\s+/g, " ").trim();
}

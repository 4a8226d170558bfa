// src/types/lesson-globals.d.ts is written by hand (it carries the builtins' types), so this test
// holds it to the registry: it declares exactly the registry's builtins, no more, no fewer.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { builtinNames } from "../../src/contract/builtins.ts";

const path = fileURLToPath(new URL("../../src/types/lesson-globals.d.ts", import.meta.url));

/** The value names a declaration file exports (`export declare const|function|class …`), sorted. */
function findDeclaredValues(text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names = new Set<string>();
  for (const statement of source.statements) {
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
    if (!modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) names.add(declaration.name.getText(source));
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      names.add(statement.name.text);
    }
  }
  return [...names].sort();
}

describe("src/types/lesson-globals.d.ts", () => {
  it("declares exactly the registry's builtins", () => {
    const declared = findDeclaredValues(readFileSync(path, "utf8"));
    const registry: string[] = [...builtinNames].sort();
    const missing = registry.filter((name) => !declared.includes(name));
    const extra = declared.filter((name) => !registry.includes(name));
    expect({ missing, extra }, "lesson-globals.d.ts and src/contract/builtins.ts disagree").toEqual({ missing: [], extra: [] });
  });

  it("finds what a declaration file exports", () => {
    const text = "export declare const a: number;\nexport declare function b(): void;\nexport declare function b(x: 1): void;\ndeclare const hidden: 1;\nexport type T = 1;";
    expect(findDeclaredValues(text)).toEqual(["a", "b"]);
  });
});

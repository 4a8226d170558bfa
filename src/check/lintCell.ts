// Lint rules that read a cell's code: inputs without a label, charts without a text alternative.
import ts from "typescript";
import type { Cell } from "../compile/index.ts";
import type { Diagnostic } from "../contract/diagnostic.ts";
import { findImagesWithoutAlt } from "./findImagesWithoutAlt.ts";
import { locateInCell } from "../typecheck/locateInCell.ts";

/** Inputs that show a label, and which argument holds their options (-1: the last one). */
const labelledInputs: Record<string, number> = {
  range: 1, number: -1, select: 1, radio: 1, checkbox: 1, search: 1, toggle: 0, text: 0, textarea: 0,
  email: 0, tel: 0, url: 0, password: 0, color: 0, date: 0, datetime: 0, file: 0,
};

/** Warnings (code "lint") for the cell's unlabelled inputs, charts without ariaLabel and images without alt. */
export function lintCell(cell: Cell): Diagnostic[] {
  const out: Diagnostic[] = [];
  const source = ts.createSourceFile("cell.ts", cell.source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const warn = (node: ts.Node | number, message: string) => {
    const at = source.getLineAndCharacterOfPosition(typeof node === "number" ? node : node.getStart(source));
    out.push({ severity: "warning", code: "lint", message, ...locateInCell(cell, at.line, at.character), cell: cell.id });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const callee = node.expression;
      const method = callee.name.text;
      if (isIdentifier(callee.expression, "Inputs") && method in labelledInputs) {
        const index = labelledInputs[method]!;
        const options = index < 0 ? node.arguments[node.arguments.length - 1] : node.arguments[index];
        if (lacksOption(options, ["label"])) {
          warn(node, `Inputs.${method}(…) has no label: add {label: "…"} so every reader, screen readers included, knows what it sets`);
        }
      } else if (method === "plot" && startsWithPlot(callee.expression)) {
        if (lacksOption(node.arguments[0], ["ariaLabel", "ariaDescription"])) {
          warn(node, "chart has no text alternative: add ariaLabel (and ariaDescription) to its options");
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const offset of findImagesWithoutAlt(cell.source)) warn(offset, "image has no alt text: describe it in alt=\"…\"");
  return out;
}

function isIdentifier(node: ts.Node, name: string): boolean {
  return ts.isIdentifier(node) && node.text === name;
}

/** True for `Plot` and expressions built on it: `Plot.dot(…)`, `Plot.dot(…).plot`. */
function startsWithPlot(node: ts.Expression): boolean {
  for (;;) {
    if (isIdentifier(node, "Plot")) return true;
    if (ts.isPropertyAccessExpression(node) || ts.isCallExpression(node)) node = node.expression;
    else if (ts.isParenthesizedExpression(node)) node = node.expression;
    else return false;
  }
}

/**
 * True when the options argument certainly has none of `names` with a non-empty value: it is
 * missing, or an object literal without them. Options built elsewhere (a variable, a spread) pass.
 */
function lacksOption(options: ts.Expression | undefined, names: readonly string[]): boolean {
  if (!options) return true;
  if (!ts.isObjectLiteralExpression(options)) return !isOpaque(options);
  for (const property of options.properties) {
    if (ts.isSpreadAssignment(property)) return false;
    const name = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
    if (name === undefined || !names.includes(name)) continue;
    if (ts.isPropertyAssignment(property) && ts.isStringLiteralLike(property.initializer) && !property.initializer.text.trim()) continue;
    return false;
  }
  return true;
}

/** An argument whose value the linter cannot see (anything but a literal). */
function isOpaque(node: ts.Expression): boolean {
  return !(ts.isArrayLiteralExpression(node) || ts.isStringLiteralLike(node) || ts.isNumericLiteral(node));
}

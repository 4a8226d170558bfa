// Formulas a reader types into a blank (`[[tex: 28w - 68]]`): read with mathjs's expression parser
// (implicit multiplication, so `28w` is 28·w), shown back as TeX, and compared with the author's
// by evaluating both at seeded points (the standard check of computer-algebra graders, e.g.
// STACK's "ATEqualComAss" falls back to it; see Sangwin, Computer Aided Assessment of
// Mathematics, OUP 2013, §8.3). Not re-exported from index.ts: it loads mathjs, which lessons
// that only import the math library must not pay for.

import { parse, type MathNode } from "mathjs/number";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { texToExpression } from "./texToExpression.ts";

/** A formula, read: its tree, its free variables, and how it reads as TeX. */
export type ParsedFormula =
  | { ok: true; node: MathNode; variables: string[]; tex: string }
  | { ok: false; message: string };

const CONSTANTS = new Set(["pi", "e", "E", "PI", "tau", "phi"]);

/** Reads a formula (TeX or plain math); never throws. */
export function parseFormula(text: string): ParsedFormula {
  const converted = texToExpression(text);
  if (!converted.ok) return { ok: false, message: converted.message };
  if (!converted.expression) return { ok: false, message: "the formula is empty" };
  try {
    const node = parse(converted.expression);
    return { ok: true, node, variables: findVariables(node), tex: node.toTex({ implicit: "hide", parenthesis: "auto" }) };
  } catch (error) {
    return { ok: false, message: String((error as Error)?.message ?? error) };
  }
}

/** The free variables of a formula (symbols that are not functions or constants), sorted. */
function findVariables(node: MathNode): string[] {
  const names = new Set<string>();
  node.traverse((child, _path, parent) => {
    if ((child as { isSymbolNode?: boolean }).isSymbolNode && !CONSTANTS.has((child as unknown as { name: string }).name)) {
      const isCallee = (parent as { isFunctionNode?: boolean } | null)?.isFunctionNode && (parent as unknown as { fn: MathNode }).fn === child;
      if (!isCallee) names.add((child as unknown as { name: string }).name);
    }
  });
  return [...names].sort();
}

/** Whether two formulas agree, and why not. */
export type FormulaComparison = { same: true } | { same: false; reason: string };

/**
 * Compares `given` with `expected` at `points` seeded points (the same seed, the same points, in
 * the page and in `lesson verify`). A variable of `given` that `expected` lacks makes them differ;
 * a run of letters the expected variables spell (`wx` for w·x) is read as their product.
 */
export function compareFormulas(expected: string, given: string, seed = 14, points = 12): FormulaComparison {
  const want = parseFormula(expected);
  if (!want.ok) return { same: false, reason: `the answer's formula could not be read: ${want.message}` };
  const got = parseFormula(given);
  if (!got.ok) return { same: false, reason: `your formula could not be read: ${got.message}` };
  const known = new Set(want.variables);
  const node = splitSymbols(got.node, known);
  const extra = findVariables(node).filter((name) => !known.has(name));
  if (extra.length) return { same: false, reason: `it uses ${extra.join(", ")}, which the answer does not` };
  const rng = xoroshiro128plus(seed);
  // A small seed's first outputs sit near the ends of [0, 1): warm the generator up first.
  for (let k = 0; k < 8; k++) uniformFloat64(rng);
  let compared = 0;
  for (let k = 0; k < points * 4 && compared < points; k++) {
    const scope: Record<string, number> = {};
    for (const name of want.variables) scope[name] = -3 + 6 * uniformFloat64(rng);
    const a = evaluate(want.node, scope);
    if (a === undefined) continue;
    const b = evaluate(node, scope);
    if (b === undefined || Math.abs(a - b) > 1e-6 * Math.max(1, Math.abs(a))) {
      return { same: false, reason: `they differ at ${Object.entries(scope).map(([n, v]) => `${n} = ${v.toFixed(3)}`).join(", ") || "every point"}` };
    }
    compared++;
  }
  return compared > 0 ? { same: true } : { same: false, reason: "the answer's formula has no finite value to compare at" };
}

function evaluate(node: MathNode, scope: Record<string, number>): number | undefined {
  try {
    const value: unknown = node.evaluate({ ...scope });
    return typeof value === "number" && Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** `wx` → `w * x` when w and x are known variables and `wx` is not. */
function splitSymbols(node: MathNode, known: Set<string>): MathNode {
  return node.transform((child) => {
    const name = (child as unknown as { name?: string; isSymbolNode?: boolean }).isSymbolNode ? (child as unknown as { name: string }).name : undefined;
    if (!name || known.has(name) || CONSTANTS.has(name) || name.length < 2 || ![...name].every((c) => known.has(c))) return child;
    return parse([...name].join(" * "));
  });
}

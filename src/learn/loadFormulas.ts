// What formula blanks need, loaded only on a page that has one: mathjs (through src/math/formula.ts)
// to read and compare, KaTeX to show the reader how their formula was read.

/** The formula tools, once loaded. */
export interface FormulaTools {
  compareFormulas: (expected: string, given: string) => { same: boolean; reason?: string };
  /** The reader's formula as KaTeX HTML (how it was read), or the reason it cannot be read. */
  preview(text: string): { html: string } | { error: string };
}

let loading: Promise<FormulaTools> | undefined;

/** Loads the formula tools once per page. */
export function loadFormulas(): Promise<FormulaTools> {
  loading ??= Promise.all([import("../math/formula.ts"), import("katex")]).then(([formula, katex]) => ({
    compareFormulas: formula.compareFormulas,
    preview(text) {
      const parsed = formula.parseFormula(text);
      if (!parsed.ok) return { error: parsed.message };
      return { html: katex.default.renderToString(parsed.tex, { throwOnError: false, trust: false, output: "htmlAndMathml" }) };
    },
  }));
  return loading;
}

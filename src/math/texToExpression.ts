// A formula as a reader types it, or as an author writes it in TeX (`\frac{a}{b}`, `28w - 68`,
// `2 \cdot x^{2}`, `28·w − 68`), turned into the plain expression syntax of mathjs's parser
// (`((a)/(b))`, `28w - 68`, `2 * x^(2)`). No dependencies, so the compiler can check an author's
// formula without loading mathjs; a command it does not know is reported with its offset.

/** The plain expression, or why the text cannot be one. */
export type ConvertedFormula = { ok: true; expression: string } | { ok: false; message: string; offset: number };

const FUNCTIONS: Record<string, string> = {
  sin: "sin", cos: "cos", tan: "tan", exp: "exp", ln: "log", log: "log", sqrt: "sqrt",
  sinh: "sinh", cosh: "cosh", tanh: "tanh", arcsin: "asin", arccos: "acos", arctan: "atan",
};
const GREEK = "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi rho sigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Phi Psi Omega".split(" ");
const UNICODE: Record<string, string> = {
  "−": "-", "–": "-", "·": "*", "⋅": "*", "×": "*", "÷": "/", "²": "^2", "³": "^3", "√": "sqrt",
  "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "θ": "theta", "λ": "lambda",
  "μ": "mu", "π": "pi", "σ": "sigma", "φ": "phi", "ω": "omega", "∇": "nabla",
};
const OPERATORS: Record<string, string> = { cdot: "*", times: "*", div: "/", pm: "+", left: "", right: "", ",": "", ";": "", "!": "", " ": "", quad: "", qquad: "" };

/** Converts TeX or plain math to mathjs's syntax; never throws. */
export function texToExpression(text: string): ConvertedFormula {
  let out = "";
  let i = 0;
  const source = text.replace(/\$/g, " ");
  while (i < source.length) {
    const c = source[i];
    if (c === "\\") {
      const match = /^\\([A-Za-z]+|.)/.exec(source.slice(i));
      const name = match?.[1] ?? "";
      if (name === "frac" || name === "dfrac" || name === "tfrac") {
        const a = readGroup(source, i + match![0].length);
        const b = a && readGroup(source, a.end);
        if (!a || !b) return { ok: false, message: `\\${name} needs two groups: \\frac{a}{b}`, offset: i };
        const top = texToExpression(a.content);
        const bottom = texToExpression(b.content);
        if (!top.ok) return { ...top, offset: i + top.offset };
        if (!bottom.ok) return { ...bottom, offset: i + bottom.offset };
        out += `((${top.expression})/(${bottom.expression}))`;
        i = b.end;
        continue;
      }
      if (name === "sqrt" && source[i + 5] === "[") {
        const close = source.indexOf("]", i + 6);
        const body = close > 0 ? readGroup(source, close + 1) : undefined;
        if (!body) return { ok: false, message: "\\sqrt[n]{x} needs its index and a group", offset: i };
        const index = texToExpression(source.slice(i + 6, close));
        const radicand = texToExpression(body.content);
        if (!index.ok || !radicand.ok) return { ok: false, message: "\\sqrt[n]{x} could not be read", offset: i };
        out += `nthRoot(${radicand.expression}, ${index.expression})`;
        i = body.end;
        continue;
      }
      if (Object.hasOwn(FUNCTIONS, name)) out += ` ${FUNCTIONS[name]}`;
      else if (GREEK.includes(name)) out += ` ${name} `;
      else if (Object.hasOwn(OPERATORS, name)) out += OPERATORS[name] ? ` ${OPERATORS[name]} ` : " ";
      else return { ok: false, message: `the TeX command \\${name} cannot be evaluated (use + - * / ^, \\frac, \\sqrt, \\sin, \\exp, \\ln…)`, offset: i };
      i += match![0].length;
      continue;
    }
    if (c === "{") out += "(";
    else if (c === "}") out += ")";
    else if (c === "_") {
      // A subscript is part of the name: w_{1} → w_1.
      const group = readGroup(source, i + 1);
      const sub = group ? group.content : (/^[A-Za-z0-9]/.exec(source.slice(i + 1))?.[0] ?? "");
      if (!/^[A-Za-z0-9]+$/.test(sub)) return { ok: false, message: "a subscript must be letters or digits (w_1, w_{12})", offset: i };
      out = out.replace(/\s+$/, "") + `_${sub}`;
      i = group ? group.end : i + 1 + sub.length;
      continue;
    } else if (Object.hasOwn(UNICODE, c)) out += ` ${UNICODE[c]} `;
    else out += c;
    i++;
  }
  return { ok: true, expression: out.replace(/\s+/g, " ").trim() };
}

/** The `{…}` group starting at `start` (after spaces), with the offset just past it. */
function readGroup(text: string, start: number): { content: string; end: number } | undefined {
  let i = start;
  while (text[i] === " ") i++;
  if (text[i] !== "{") return undefined;
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    if (text[j] === "\\") j++;
    else if (text[j] === "{") depth++;
    else if (text[j] === "}" && --depth === 0) return { content: text.slice(i + 1, j), end: j + 1 };
  }
  return undefined;
}

// Reads the YAML front matter (a `---` block at the top of a lesson) with the yaml package.

import { parseDocument } from "yaml";
import type { Diagnostic, FrontMatter } from "../types.ts";
import { memoize } from "../memoize.ts";

/** The front matter, the body with the front matter lines left blank (lines keep their numbers), and problems. */
export interface ParsedFrontMatter {
  frontMatter: FrontMatter;
  body: string;
  diagnostics: Diagnostic[];
}

const fieldTypes: Record<string, "string" | "number" | "string[]"> = {
  title: "string",
  chapter: "string",
  order: "number",
  summary: "string",
  minutes: "number",
  prerequisites: "string[]",
  next: "string",
};

/** Splits off and parses front matter from normalized (LF) source; never throws. */
export function parseFrontMatter(source: string): ParsedFrontMatter {
  const none = { frontMatter: {}, body: source, diagnostics: [] };
  if (!/^---[ \t]*\n/.test(source)) return none;
  const lines = source.split("\n");
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (/^(---|\.\.\.)[ \t]*$/.test(lines[i])) {
      close = i;
      break;
    }
  }
  if (close < 0) return none;
  const yaml = lines.slice(1, close).join("\n");
  const body = "\n".repeat(close + 1) + lines.slice(close + 1).join("\n");
  const parsed = parseYaml(yaml);
  const diagnostics = parsed.diagnostics.map((d) => ({ ...d }));
  if (diagnostics.length) return { frontMatter: {}, body, diagnostics };
  // The cached value is shared between compiles; each lesson gets its own copy.
  const value: unknown = structuredClone(parsed.value);
  if (typeof value !== "object" || Array.isArray(value) || value === null) {
    diagnostics.push(frontMatterProblem("front matter must be a YAML mapping of fields (`title: …`)", 2, 1));
    return { frontMatter: {}, body, diagnostics };
  }
  const frontMatter = value as FrontMatter;
  for (const [key, type] of Object.entries(fieldTypes)) {
    if (key in frontMatter && !hasType(frontMatter[key], type)) {
      const line = lines.slice(1, close).findIndex((l) => l.startsWith(`${key}:`));
      const expected = type === "string[]" ? "a list of strings" : `a ${type}`;
      diagnostics.push({ ...frontMatterProblem(`"${key}" should be ${expected}`, line + 2, 1), severity: "warning" });
    }
  }
  return { frontMatter, body, diagnostics };
}

// The yaml package is the slowest step for a small lesson; a recompile after an edit reuses the result.
const parseYaml = memoize((yaml: string): { value: unknown; diagnostics: Diagnostic[] } => {
  const diagnostics: Diagnostic[] = [];
  let value: unknown = {};
  try {
    const doc = parseDocument(yaml, { prettyErrors: true, uniqueKeys: true });
    for (const error of doc.errors) {
      const at = error.linePos?.[0] ?? { line: 1, col: 1 };
      diagnostics.push(frontMatterProblem(firstLine(error.message), at.line + 1, at.col));
    }
    if (doc.errors.length === 0) value = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    diagnostics.push(frontMatterProblem(String((error as Error)?.message ?? error), 2, 1));
  }
  return { value, diagnostics };
}, 200);

function hasType(value: unknown, type: "string" | "number" | "string[]"): boolean {
  if (type === "string[]") return Array.isArray(value) && value.every((v) => typeof v === "string");
  return typeof value === type;
}

function firstLine(message: string): string {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}

function frontMatterProblem(message: string, line: number, column: number): Diagnostic {
  return { severity: "error", code: "front-matter", message: `front matter: ${message}`, line, column };
}

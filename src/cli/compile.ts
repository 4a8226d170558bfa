// `lesson compile <file> [--json]`: prints a compiled lesson, or its summary and diagnostics.

import { readFile } from "node:fs/promises";
import { compileLesson } from "../compile/index.ts";
import type { Lesson } from "../compile/index.ts";
import { formatDiagnostic, hasErrors } from "../contract/diagnostic.ts";

const usage = `Usage: lesson compile <file> [--json]

Compiles one lesson and prints its cells and diagnostics.
  --json   print {file, title, cells, diagnostics} as JSON
Exits with 1 when any error is reported.`;

/** Runs `lesson compile` with its arguments and resolves to the exit code. */
export async function runCompile(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(usage);
    return 0;
  }
  const json = args.includes("--json");
  const files = args.filter((a) => !a.startsWith("-"));
  const unknown = args.filter((a) => a.startsWith("-") && a !== "--json");
  if (files.length !== 1 || unknown.length) {
    console.error(`lesson compile: ${unknown.length ? `unknown option ${unknown[0]}` : "expected one file"}\n\n${usage}`);
    return 1;
  }
  const file = files[0];
  let source: string;
  try {
    source = await readFile(file, "utf8");
  } catch (error) {
    console.error(`lesson compile: cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }
  const lesson = compileLesson(source, { file });
  if (json) console.log(JSON.stringify(toJson(lesson), null, 2));
  else printSummary(lesson);
  return hasErrors(lesson.diagnostics) ? 1 : 0;
}

/** The `--json` shape (DESIGN.md), with each diagnostic's `code` and each cell's `column` and `inline` added. */
export function toJson(lesson: Lesson) {
  return {
    file: lesson.file,
    title: lesson.title,
    cells: lesson.cells.map((c) => ({
      id: c.id,
      line: c.line,
      column: c.column,
      lang: c.lang,
      inline: c.inline,
      inputs: c.inputs,
      outputs: c.outputs,
      expression: c.expression,
      options: c.options,
    })),
    diagnostics: lesson.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      line: d.line,
      column: d.column,
      ...(d.cell ? { cell: d.cell } : {}),
    })),
  };
}

function printSummary(lesson: Lesson): void {
  const blocks = lesson.cells.filter((c) => !c.inline).length;
  const errors = lesson.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = lesson.diagnostics.length - errors;
  console.log(`${lesson.file}: "${lesson.title}"`);
  console.log(`  ${blocks} cell${blocks === 1 ? "" : "s"}, ${lesson.cells.length - blocks} inline`);
  for (const c of lesson.cells) {
    const kind = c.inline ? "inline" : c.expression ? "expression" : "program";
    const io = [c.inputs.length ? `in: ${c.inputs.join(", ")}` : "", c.outputs.length ? `out: ${c.outputs.join(", ")}` : ""].filter(Boolean).join("; ");
    console.log(`  line ${c.line}: ${c.lang} ${kind}${io ? ` (${io})` : ""}`);
  }
  for (const d of lesson.diagnostics) console.log(formatDiagnostic(lesson.file, d));
  console.log(`${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`);
}

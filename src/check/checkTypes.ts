// Type-checks a lesson's cells as one TypeScript program and maps every error back to the .md file.
import { createRequire } from "node:module";
import { basename, dirname, join, relative, resolve, isAbsolute } from "node:path";
import ts from "typescript";
import type { Cell, Lesson } from "../compile/index.ts";
import { builtinNames } from "../contract/builtins.ts";
import type { Diagnostic } from "../contract/diagnostic.ts";
import { builtinsFileOf, lessonCompilerOptions } from "../typecheck/compilerOptions.ts";
import { emitLessonProgram } from "../typecheck/emitLessonProgram.ts";
import { locateTypeErrors } from "../typecheck/locateTypeErrors.ts";
import { createCheckHost } from "./createCheckHost.ts";
import { isCompiled, packageRoot } from "./packageRoot.ts";

/** Options of checkTypes. */
export interface CheckTypesOptions {
  /** The lesson's path (absolute or relative to the working directory); defaults to `lesson.file`. */
  file?: string;
}

const builtinsFile = builtinsFileOf(packageRoot, isCompiled);
/** Vite's ambient types: assets (`import url from "./a.png"`), CSS, `import.meta.env`. */
export const viteClientFile = join(dirname(createRequire(import.meta.url).resolve("vite/package.json")), "client.d.ts");

/** The options `lesson check` and the page's checker share (src/typecheck/compilerOptions.ts). */
export const compilerOptions: ts.CompilerOptions = lessonCompilerOptions(packageRoot, isCompiled);

let previous: ts.Program | undefined;
let builtinsNote: Diagnostic[] | undefined;

/**
 * The type errors of `lesson`'s cells (code "type", severity error), each at its line and column
 * in the .md file. Cells read each other's values with their types; builtins are typed by
 * src/types/lesson-globals.d.ts. Cheap to call again: lib and package files are parsed once.
 */
export function checkTypes(lesson: Lesson, options: CheckTypesOptions = {}): Diagnostic[] {
  const file = resolve(options.file ?? lesson.file ?? "lesson.md");
  // The compiler's own report of a problem (an undefined name) wins over TypeScript's.
  const reported = new Set(lesson.diagnostics.map((d) => `${d.line}:${d.column}`));
  const live = lesson.cells.filter((cell) => cell.options.run);
  const isSyntaxError = (cell: Cell) =>
    lesson.diagnostics.some((d) => d.cell === cell.id && d.severity === "error" && /syntax|parse/.test(d.code));
  const cells = live.filter((cell) => !isSyntaxError(cell));
  const stubs = live.filter(isSyntaxError);
  const program = emitLessonProgram(cells, stubs, builtinNames);
  const virtualName = virtualFileFor(file);
  const host = createCheckHost(compilerOptions, new Map([[virtualName, program.text]]));
  const tsProgram = ts.createProgram({ rootNames: [virtualName, viteClientFile], options: compilerOptions, host, oldProgram: previous });
  previous = tsProgram;
  const source = tsProgram.getSourceFile(virtualName)!;
  const found = [...tsProgram.getSyntacticDiagnostics(source), ...tsProgram.getSemanticDiagnostics(source)];
  const errors = locateTypeErrors(program, source, found).filter((e) => !reported.has(`${e.line}:${e.column}`));
  return [
    ...checkBuiltins(host),
    ...errors.map(({ cell, message, line, column }): Diagnostic => ({ severity: "error", code: "type", message, line, column, cell: cell.id })),
  ];
}

/**
 * The virtual module sits beside the lesson so relative imports resolve; a lesson outside this
 * package is checked as if it sat in it, so its packages resolve too.
 */
export function virtualFileFor(file: string): string {
  const inside = relative(packageRoot, file);
  const dir = inside.startsWith("..") || isAbsolute(inside) ? packageRoot : dirname(file);
  return join(dir, `${basename(file)}.__lesson__.ts`).replace(/\\/g, "/");
}

/** A note when the builtins' own declarations fail to check (computed once per process). */
function checkBuiltins(host: ts.CompilerHost): Diagnostic[] {
  if (builtinsNote) return builtinsNote;
  const options = { ...compilerOptions, skipLibCheck: false };
  const program = ts.createProgram({ rootNames: [builtinsFile], options, host });
  const file = program.getSourceFile(builtinsFile);
  const problems = file ? [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)] : [];
  builtinsNote = problems.map((d) => ({
    severity: "warning" as const,
    code: "type",
    message: `the lesson builtins (${builtinsFile}) fail to type-check: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`,
    line: 1,
    column: 1,
  }));
  if (!file) builtinsNote.push({ severity: "warning", code: "type", message: `missing ${builtinsFile}`, line: 1, column: 1 });
  return builtinsNote;
}

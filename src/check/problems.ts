// What `lesson check` reports: problems (diagnostics with their file), sorted and printed.
import { formatDiagnostic, type Problem } from "../contract/diagnostic.ts";

/** Problems in reading order: by file, line, column, errors before warnings; duplicates dropped. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const key = `${p.file}\0${p.line}\0${p.column}\0${p.severity}\0${p.message}`;
      return !seen.has(key) && (seen.add(key), true);
    })
    .sort(
      (a, b) =>
        a.file.localeCompare(b.file) ||
        a.line - b.line ||
        a.column - b.column ||
        (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) ||
        a.message.localeCompare(b.message),
    );
}

/** One line per problem, `file:line:col severity message` (the contract's formatter). */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => formatDiagnostic(p.file, p)).join("\n");
}

/** The `--json` shape: `{file, line, column, severity, code, message, cell?}` per problem. */
export function toJson(problems: readonly Problem[]): string {
  const rows = problems.map(({ file, line, column, severity, code, message, cell }) =>
    cell === undefined ? { file, line, column, severity, code, message } : { file, line, column, severity, code, message, cell },
  );
  return JSON.stringify(rows, null, 2);
}

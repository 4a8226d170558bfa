// A problem in a lesson, and the one way the project prints it.

/** How bad a problem is: errors stop a cell (and fail a build); warnings only inform. */
export type Severity = "error" | "warning";

/** A problem in a lesson, located in the .md file (1-based line and column). */
export interface Diagnostic {
  severity: Severity;
  /** A short machine-readable kind, e.g. "syntax", "duplicate-definition", "cycle", "undefined-name". */
  code: string;
  message: string;
  /** 1-based line in the .md file; 0 when the problem has no place in it. */
  line: number;
  /** 1-based column in the .md file; 0 when the problem has no place in it. */
  column: number;
  /** The id of the cell the problem belongs to, when it belongs to one. */
  cell?: string;
}

/** A diagnostic together with the file it is in: what `lesson check`, `build` and `dev` report. */
export interface Problem extends Diagnostic {
  /** The .md path as the reader of the report knows it (relative to the working folder). */
  file: string;
}

/** Options of {@link formatDiagnostic}. */
export interface FormatOptions {
  /** Print the severity after the place (default true); the page shows it with a style instead. */
  severity?: boolean;
  /** Wraps the place and the severity, e.g. in terminal colours (default: unchanged). */
  paint?: (part: "place" | Severity, text: string) => string;
}

/**
 * One problem as one line that terminals and editors understand: `file:line:col severity message`
 * (`file severity message` when it has no place). A message's further lines are indented.
 */
export function formatDiagnostic(file: string, diagnostic: Diagnostic, options: FormatOptions = {}): string {
  const paint = options.paint ?? ((_part: string, text: string) => text);
  const place = diagnostic.line > 0 ? `${file}:${diagnostic.line}:${diagnostic.column}` : file;
  const severity = options.severity === false ? "" : ` ${paint(diagnostic.severity, diagnostic.severity)}`;
  return `${paint("place", place)}${severity} ${diagnostic.message.replace(/\n/g, "\n    ")}`;
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Pick<Diagnostic, "severity">[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

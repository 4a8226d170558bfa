// Diagnostics as terminal text: `file:line:col severity message`, colored when the terminal is.
import type { Diagnostic } from "../compile/types.ts";

const useColor = Boolean(process.stdout.isTTY) && !("NO_COLOR" in process.env);
const paint = (code: number, text: string) => (useColor ? `\x1b[${code}m${text}\x1b[39m` : text);

/** One diagnostic as a line the terminal (and editors that parse `file:line:col`) understands. */
export function formatDiagnostic(file: string, d: Pick<Diagnostic, "severity" | "line" | "column" | "message">): string {
  const severity = d.severity === "error" ? paint(31, "error") : paint(33, "warning");
  return `${paint(36, `${file}:${d.line}:${d.column}`)} ${severity} ${d.message}`;
}

/** A build failure's line for one error: `file:line:col message`. */
export function formatBuildError(file: string, d: Pick<Diagnostic, "line" | "column" | "message">): string {
  return `${file}:${d.line}:${d.column} ${d.message}`;
}

/** True when any diagnostic is an error. */
export function isFailing(diagnostics: Pick<Diagnostic, "severity">[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

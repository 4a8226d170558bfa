// Diagnostics on Vite's logger: the contract's `file:line:col severity message`, coloured on a terminal.
import type { Logger } from "vite";
import { formatDiagnostic, type Diagnostic, type Severity } from "../contract/diagnostic.ts";

const useColor = Boolean(process.stdout.isTTY) && !("NO_COLOR" in process.env);
const colors: Record<"place" | Severity, number> = { place: 36, error: 31, warning: 33 };
const paint = (part: "place" | Severity, text: string) => (useColor ? `\x1b[${colors[part]}m${text}\x1b[39m` : text);

/** Prints each diagnostic of `file` as one line, errors with `logger.error`, warnings with `logger.warn`. */
export function logDiagnostics(logger: Logger, file: string, diagnostics: readonly Diagnostic[], options: { timestamp: boolean }): void {
  for (const d of diagnostics) {
    const line = formatDiagnostic(file, d, { paint });
    if (d.severity === "error") logger.error(line, options);
    else logger.warn(line, options);
  }
}

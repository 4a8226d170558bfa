// Reads a fence's info string: ` ```ts hide run=false editable=false prerender=false ` → its language and cell options.

import type { CellOptions, Diagnostic } from "../types.ts";

const liveLanguages: Record<string, "ts" | "js"> = { ts: "ts", typescript: "ts", js: "js", javascript: "js" };

/** A fence's info string, read: its language, whether it is a live cell, and its options. */
export interface FenceInfo {
  /** The language as written (lowercased), e.g. "ts", "python", or "" when none. */
  lang: string;
  /** "ts" or "js" when the fence is a live language, else null. */
  live: "ts" | "js" | null;
  options: CellOptions;
  /** Options this dialect does not know, to report. */
  unknown: string[];
}

/** Reads a fence's info string: ` ```ts hide run=false editable=false `. */
export function readFenceInfo(info: string): FenceInfo {
  const [first = "", ...words] = info.trim().split(/\s+/);
  const lang = first.toLowerCase();
  const options: CellOptions = { hide: false, run: true, editable: true };
  const unknown: string[] = [];
  for (const word of words) {
    const match = /^(hide|run|editable|prerender)(?:=(true|false))?$/.exec(word);
    if (match) options[match[1] as keyof CellOptions] = match[2] !== "false";
    else if (word) unknown.push(word);
  }
  return { lang, live: liveLanguages[lang] ?? null, options, unknown };
}

/** A diagnostic for options a fence does not know (they are ignored). */
export function reportUnknownOptions(info: FenceInfo, line: number): Diagnostic[] {
  if (info.unknown.length === 0) return [];
  return [{
    severity: "warning",
    code: "option",
    message: `unknown cell option${info.unknown.length > 1 ? "s" : ""} ${info.unknown.map((o) => `"${o}"`).join(", ")} (known: hide, run=false, editable=false, prerender=false)`,
    line,
    column: 1,
  }];
}

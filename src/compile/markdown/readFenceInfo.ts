// Reads a fence's info string: ` ```ts hide run=false editable=false prerender=false ` → its language and cell options;
// ` ```ts exercise `, ` ```ts solution reveal `, ` ```ts check sealed tolerance=1e-3 ` → its exercise role.

import type { CellOptions, Diagnostic } from "../types.ts";

const liveLanguages: Record<string, "ts" | "js"> = { ts: "ts", typescript: "ts", js: "js", javascript: "js" };

/** The part a fence plays in an exercise, with the options of that part. */
export interface FenceRole {
  kind: "exercise" | "solution" | "check";
  /** `exercise=name`: the exercise's id, when the author names it. */
  name?: string;
  /** `solution reveal`. */
  reveal?: boolean;
  /** `check sealed`. */
  sealed?: boolean;
  /** `check tolerance=1e-3`. */
  tolerance?: number;
  /** `exercise seeds=8`: how many variants a seeded exercise's fingerprint covers. */
  seeds?: number;
}

/** A fence's info string, read: its language, whether it is a live cell, and its options. */
export interface FenceInfo {
  /** The language as written (lowercased), e.g. "ts", "python", or "" when none. */
  lang: string;
  /** "ts" or "js" when the fence is a live language, else null. */
  live: "ts" | "js" | null;
  options: CellOptions;
  /** The fence's part in an exercise, when its first word after the language names one. */
  role?: FenceRole;
  /** Options this dialect does not know, to report. */
  unknown: string[];
}

/** Reads a fence's info string: ` ```ts hide run=false editable=false `. */
export function readFenceInfo(info: string): FenceInfo {
  const [first = "", ...words] = info.trim().split(/\s+/);
  const lang = first.toLowerCase();
  const options: CellOptions = { hide: false, run: true, editable: true };
  const unknown: string[] = [];
  const live = liveLanguages[lang] ?? null;
  const role = live ? readRole(words[0] ?? "") : undefined;
  for (const word of role ? words.slice(1) : words) {
    const match = /^(hide|run|editable|prerender)(?:=(true|false))?$/.exec(word);
    if (match && role?.kind !== "solution" && role?.kind !== "check") options[match[1] as keyof CellOptions] = match[2] !== "false";
    else if (role && readRoleOption(role, word)) continue;
    else if (word) unknown.push(word);
  }
  // A starter is always edited; it is never folded away or left unrun.
  if (role?.kind === "exercise") Object.assign(options, { hide: false, run: true, editable: true });
  return { lang, live, options, ...(role ? { role } : {}), unknown };
}

function readRole(word: string): FenceRole | undefined {
  const match = /^(exercise|solution|check)(?:=([A-Za-z_$][\w$]*))?$/.exec(word);
  if (!match) return undefined;
  const kind = match[1] as FenceRole["kind"];
  if (match[2] !== undefined && kind !== "exercise") return undefined;
  return match[2] !== undefined ? { kind, name: match[2] } : { kind };
}

/** Reads one option of a role's fence; false when the role does not know it. */
function readRoleOption(role: FenceRole, word: string): boolean {
  if (role.kind === "solution" && word === "reveal") return (role.reveal = true);
  if (role.kind === "check" && word === "sealed") return (role.sealed = true);
  const number = /^(tolerance|seeds)=(.+)$/.exec(word);
  if (!number) return false;
  const value = Number(number[2]);
  if (role.kind === "check" && number[1] === "tolerance" && value >= 0 && value < 1) return (role.tolerance = value), true;
  if (role.kind === "exercise" && number[1] === "seeds" && Number.isInteger(value) && value >= 1 && value <= 100) return (role.seeds = value), true;
  return false;
}

const known: Record<string, string> = {
  none: "hide, run=false, editable=false, prerender=false",
  exercise: "exercise=name, seeds=N (1–100)",
  solution: "reveal",
  check: "sealed, tolerance=X (0 ≤ X < 1)",
};

/** A diagnostic for options a fence does not know (they are ignored). */
export function reportUnknownOptions(info: FenceInfo, line: number): Diagnostic[] {
  if (info.unknown.length === 0) return [];
  return [{
    severity: "warning",
    code: "option",
    message: `unknown cell option${info.unknown.length > 1 ? "s" : ""} ${info.unknown.map((o) => `"${o}"`).join(", ")} (known: ${known[info.role?.kind ?? "none"]})`,
    line,
    column: 1,
  }];
}

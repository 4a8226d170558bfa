// The envelope both stored kinds of data share: `{"version":1,"lesson":…,…,"checksum":…,"<body>":…}`,
// the checksum taken over the body's JSON, so a torn or garbled write is noticed before anything in
// it is trusted. What the body holds is the owner's to validate (saved edits, the learning record).

import { checksum } from "./checksum.ts";

/** Why stored text was refused as a whole. */
export type EnvelopeProblem = "corrupt" | "version" | "foreign";

/**
 * Serialises `body` (already JSON) for `lesson` under the key `bodyKey`, with `fields` (JSON-able)
 * written between the lesson and the checksum.
 */
export function sealEnvelope(lesson: string, bodyKey: string, body: string, fields: Record<string, unknown> = {}): string {
  const extra = Object.entries(fields).map(([key, value]) => `,${JSON.stringify(key)}:${JSON.stringify(value)}`).join("");
  return `{"version":1,"lesson":${JSON.stringify(lesson)}${extra},"checksum":"${checksum(body)}",${JSON.stringify(bodyKey)}:${body}}`;
}

/**
 * Parses stored text and checks its envelope: JSON, version 1, a lesson name, a body under
 * `bodyKey` whose checksum matches, written for `lesson`. Returns the parsed object; never throws.
 */
export function openEnvelope(text: string, lesson: string, bodyKey: string): { ok: true; raw: Record<string, unknown> } | { ok: false; problem: EnvelopeProblem } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: "corrupt" };
  }
  if (!isPlainObject(raw)) return { ok: false, problem: "corrupt" };
  if (raw.version !== 1) return { ok: false, problem: "version" };
  if (typeof raw.lesson !== "string" || raw[bodyKey] === undefined) return { ok: false, problem: "corrupt" };
  if (typeof raw.checksum !== "string" || raw.checksum !== checksum(JSON.stringify(raw[bodyKey]))) return { ok: false, problem: "corrupt" };
  if (raw.lesson !== lesson) return { ok: false, problem: "foreign" };
  return { ok: true, raw };
}

/** True for a plain object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

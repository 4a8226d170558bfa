// Share links: the edited cells and input values, deflated into the URL hash, and a strict reader
// for links that may come from anyone.

import { deflateSync, Inflate, strFromU8, strToU8 } from "fflate";
import { isCellId, isName } from "./saved.ts";
import { isShareHash, isSharedValue, SHARE_LIMITS, SHARE_PREFIX, type SharedValue } from "./sharedValue.ts";

export { isShareHash, SHARE_LIMITS, SHARE_PREFIX, type SharedValue };

/** What a share link carries. */
export interface SharedState {
  v: 1;
  lesson: string;
  /** Edited cells by the author's cell id. */
  cells: Record<string, string>;
  /** Input values by name. */
  inputs: Record<string, SharedValue>;
}


/** Encodes a state as a URL hash (`#share=…`); undefined when it is too large for a link. */
export function encodeShare(state: SharedState): string | undefined {
  const json = JSON.stringify(state);
  if (json.length > SHARE_LIMITS.json) return undefined;
  const hash = SHARE_PREFIX + toBase64Url(deflateSync(strToU8(json), { level: 9 }));
  return hash.length > SHARE_LIMITS.hash ? undefined : hash;
}

/** Decodes and validates a share hash for `lesson`; never throws, never runs anything. */
export function decodeShare(
  hash: string,
  lesson: string,
): { ok: true; state: SharedState } | { ok: false; reason: string } {
  const invalid = { ok: false as const, reason: "This share link is damaged or not a share link." };
  if (!isShareHash(hash)) return invalid;
  if (hash.length > SHARE_LIMITS.hash) return { ok: false, reason: "This share link is too long." };
  const bytes = fromBase64Url(hash.slice(SHARE_PREFIX.length));
  if (!bytes) return invalid;
  const text = inflateCapped(bytes, SHARE_LIMITS.json);
  if (text === undefined) return invalid;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return invalid;
  }
  if (!isRecord(raw) || raw.v !== 1 || typeof raw.lesson !== "string") return invalid;
  if (raw.lesson !== lesson) return { ok: false, reason: "This share link is for another lesson." };
  const cells = maybeCells(raw.cells);
  const inputs = maybeInputs(raw.inputs);
  if (!cells || !inputs) return invalid;
  return { ok: true, state: { v: 1, lesson, cells, inputs } };
}

function maybeCells(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length > SHARE_LIMITS.cells) return undefined;
  for (const [id, source] of entries) {
    if (!isCellId(id) || typeof source !== "string" || source.length > SHARE_LIMITS.source) return undefined;
  }
  return Object.fromEntries(entries as [string, string][]);
}

function maybeInputs(value: unknown): Record<string, SharedValue> | undefined {
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length > SHARE_LIMITS.inputs) return undefined;
  for (const [name, input] of entries) {
    if (!isName(name) || !isSharedValue(input)) return undefined;
  }
  return Object.fromEntries(entries as [string, SharedValue][]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Inflates in small input chunks and gives up once the output passes `limit` (zip bombs). */
function inflateCapped(bytes: Uint8Array, limit: number): string | undefined {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  const inflate = new Inflate((chunk, final) => {
    size += chunk.length;
    chunks.push(chunk);
    if (final) done = true;
  });
  try {
    for (let at = 0; at < bytes.length; at += 1024) {
      inflate.push(bytes.subarray(at, at + 1024), at + 1024 >= bytes.length);
      if (size > limit) return undefined;
    }
  } catch {
    return undefined;
  }
  if (!done) return undefined;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  try {
    return strFromU8(out);
  } catch {
    return undefined;
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

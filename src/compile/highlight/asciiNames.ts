// A highlight.js grammar whose Unicode name classes are cut to their ASCII part, for ASCII listings.
//
// Python's grammar reads names as `[\p{XID_Start}_]\p{XID_Continue}*`; V8 compiles those property
// classes into every combined regular expression that holds them, most of a cold Python listing's
// cost (issue 15). On text that is all ASCII the two classes match exactly the ASCII letters and
// `\w`, so the cut grammar highlights such text exactly as the full one does.

import type { HLJSApi, Language, LanguageFn } from "highlight.js";

const unicodeName = /\\p\{XID_(?:Start|Continue)\}/;

/** True when `code` is all ASCII, so a grammar from withAsciiNames highlights it as the full one. */
export function isAscii(code: string): boolean {
  return /^[\x00-\x7f]*$/.test(code);
}

/**
 * `language` with `[\p{XID_Start}_]` read as `[A-Za-z_]` and `\p{XID_Continue}` as `\w`, or null when
 * it has no such class or one this rewrite does not know (then only the full grammar is right).
 */
export function withAsciiNames(language: LanguageFn, hljs: HLJSApi): LanguageFn | null {
  // A fresh grammar: the objects that hold these classes are the language's own, never hljs's shared modes.
  const grammar = language(hljs);
  let changed = false;
  let unknown = false;
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const value = record[key];
      if (!(value instanceof RegExp)) visit(value);
      else if (unicodeName.test(value.source)) {
        const source = value.source.replaceAll("[\\p{XID_Start}_]", "[A-Za-z_]").replaceAll("\\p{XID_Continue}", "\\w");
        if (/\\p\{/.test(source)) unknown = true;
        record[key] = new RegExp(source, value.flags);
        changed = true;
      }
    }
  };
  visit(grammar);
  // The twin answers to its own name only: the full grammar keeps the aliases (`py`).
  return changed && !unknown ? () => ({ ...grammar, aliases: [] }) as Language : null;
}

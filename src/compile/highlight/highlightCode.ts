// Highlights code listings at compile time with highlight.js (a fixed set of languages keeps it small).

import hljs from "highlight.js/lib/core";
import type { Language } from "highlight.js";
import { memoize } from "../memoize.ts";
import { escapeHtml } from "../escapeHtml.ts";
import { highlightScript } from "./highlightScript.ts";
import { isAscii, withAsciiNames } from "./asciiNames.ts";
import bash from "highlight.js/lib/languages/bash";
import c from "highlight.js/lib/languages/c";
import cpp from "highlight.js/lib/languages/cpp";
import css from "highlight.js/lib/languages/css";
import json from "highlight.js/lib/languages/json";
import markdown from "highlight.js/lib/languages/markdown";
import python from "highlight.js/lib/languages/python";
import rust from "highlight.js/lib/languages/rust";
import shell from "highlight.js/lib/languages/shell";
import sql from "highlight.js/lib/languages/sql";
import xml from "highlight.js/lib/languages/xml";
import yaml from "highlight.js/lib/languages/yaml";

const languages = { bash, c, cpp, css, json, markdown, python, rust, shell, sql, xml, yaml };
for (const [name, language] of Object.entries(languages)) hljs.registerLanguage(name, language);

// A lighter twin of each grammar with Unicode name classes, for ASCII listings (asciiNames.ts). Its
// name holds a space, which no fence's language can (renderListing keeps only [\w+#.-]); keyed by
// the full grammar, so an alias (`py`) finds it too.
const asciiTwins = new Map<Language, string>();
for (const [name, language] of Object.entries(languages)) {
  const twin = withAsciiNames(language, hljs);
  if (!twin) continue;
  hljs.registerLanguage(`${name} ascii`, twin);
  asciiTwins.set(hljs.getLanguage(name)!, `${name} ascii`);
}

const scriptLanguages: Record<string, "ts" | "js"> = { ts: "ts", typescript: "ts", js: "js", javascript: "js" };

/** Highlights `code` as `lang` to HTML (spans with hljs classes); unknown languages are escaped only. */
export function highlightCode(code: string, lang: string): string {
  // TypeScript and JavaScript, the common case, use acorn's tokenizer: many times faster than hljs.
  const script = scriptLanguages[lang];
  if (script) return highlightScript(script + code);
  const language = hljs.getLanguage(lang);
  if (!lang || !language) return escapeHtml(code);
  return highlightCached(`${(isAscii(code) && asciiTwins.get(language)) || lang}\0${code}`);
}

// Highlighting is most of a listing's cost; a recompile after an edit reuses every unchanged listing.
const highlightCached = memoize((key: string) => {
  const split = key.indexOf("\0");
  const code = key.slice(split + 1);
  try {
    return hljs.highlight(code, { language: key.slice(0, split), ignoreIllegals: true }).value;
  } catch {
    return escapeHtml(code);
  }
});

/** Renders a non-live listing: `<pre class="listing"><code class="hljs language-x">…</code></pre>`. */
export function renderListing(code: string, lang: string, attributes = ""): string {
  const name = lang.replace(/[^\w+#.-]/g, "");
  const className = name ? `hljs language-${name}` : "hljs";
  return `<pre class="listing"${attributes}><code class="${className}">${highlightCode(code, name.toLowerCase())}</code></pre>\n`;
}

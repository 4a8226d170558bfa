// Highlights code listings at compile time with highlight.js (a fixed set of languages keeps it small).

import hljs from "highlight.js/lib/core";
import { memoize } from "../memoize.ts";
import { escapeHtml } from "../escapeHtml.ts";
import { highlightScript } from "./highlightScript.ts";
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


const scriptLanguages: Record<string, "ts" | "js"> = { ts: "ts", typescript: "ts", js: "js", javascript: "js" };

/** Highlights `code` as `lang` to HTML (spans with hljs classes); unknown languages are escaped only. */
export function highlightCode(code: string, lang: string): string {
  // TypeScript and JavaScript, the common case, use acorn's tokenizer: many times faster than hljs.
  const script = scriptLanguages[lang];
  if (script) return highlightScript(script + code);
  if (!lang || !hljs.getLanguage(lang)) return escapeHtml(code);
  return highlightCached(`${lang}\0${code}`);
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

// The Content-Security-Policy of every page, built and dev alike, so a lesson that works in dev
// works built: the build puts it in a <meta> element, the dev server sends it as a header.
import { createHash } from "node:crypto";
import { themeInitHash } from "./themeInit.ts";

// htl (Inputs' templates, and html`` in cells) writes `onclick=${fn}` as a placeholder attribute
// `onclick="::3"` and swaps it for a listener once the fragment is in the page; the placeholder
// alone makes Chromium report and log a CSP violation per handler per render (~3 ms per redraw of
// the worked example's table). Those exact placeholders are allowed by hash: "::3" is not
// JavaScript, so nothing can ever run from them.
const htlPlaceholderHashes = Array.from({ length: 32 }, (_, i) => `'sha256-${createHash("sha256").update(`::${i}`).digest("base64")}'`).join(" ");

// The in-page editor evaluates edited cells, hence 'unsafe-eval'; Plot and Inputs set inline
// styles (and Vite's dev client injects <style> elements), hence 'unsafe-inline' for styles.
// Everything else comes from the page's own origin; 'self' also covers the dev client's websocket
// to the same host and port. No <base> (relative URLs stay the site's), no form that submits
// anywhere (the share dialog's `method="dialog"` form navigates nowhere), no plugins.
const directives = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-eval' 'unsafe-hashes' ${htlPlaceholderHashes} ${themeInitHash}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/**
 * The policy as a `<meta>` carries it (built pages), or as a header (the dev server), which may also
 * say who can frame the page: `frame-ancestors` is ignored in a `<meta>`, so hosts of built sites
 * should send it themselves (SECURITY.md).
 */
export function contentSecurityPolicy(delivery: "meta" | "header"): string {
  return (delivery === "header" ? [...directives, "frame-ancestors 'self'"] : directives).join("; ");
}

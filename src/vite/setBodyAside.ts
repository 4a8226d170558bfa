// Build only: a lesson page goes through Vite's HTML pass with a mark where its body goes, and
// gets its body back after it (buildPlugin.ts). The pass parses the whole page (parse5) to find
// scripts, stylesheets, inline styles and asset URLs; a body of prose, KaTeX and highlighting
// has none of them, and the 1,000-cell lesson's is 1.7 MB: ~10 % of its build's main thread.
// A body with anything the pass could rewrite goes through it as before.

/** Stands for the body in the page Vite's HTML pass sees. */
export const bodyMark = "<!--live-lesson:body-->";

// What Vite's HTML pass rewrites (vite's build-html plugin): scripts, <style> elements, the
// elements of its asset sources (DEFAULT_HTML_ASSET_SOURCES: src, srcset, href, poster, data,
// content), and style attributes with url() or image-set().
const touched = /<(?:script|style|link|img|image|use|video|audio|source|track|input|meta|object|embed)[\s/>]|url\(|image-set\(/i;

/** True when Vite's HTML pass would leave `html`, a page's body, as it is: it may be set aside. */
export function isInertBody(html: string): boolean {
  return !touched.test(html) && !html.includes(bodyMark);
}

// Build only: a built page carries its stylesheets in `<style>` elements instead of `<link>`s.
// A linked stylesheet blocks the first paint until it has arrived, and on a cold load it arrives
// well after the HTML: it queues behind the page's ~20 module preloads for the same few
// connections (a Chromium trace of the worked example, cold profile: HTML parsed at 0.3 s, its three
// stylesheets in at 0.8–0.9 s, first paint after them). Inline, the page paints once it is parsed.
// The cost: each page carries its CSS (≈ 14 KiB gzip) instead of sharing one cached file.
//
// Each inlined stylesheet leaves a `disabled` link behind (not fetched, never applied): Vite's
// preload helper looks for a `link[rel=stylesheet]` with the file's URL before it loads a dynamic
// chunk's CSS (the Inputs chunk's, the editor's), and without it would fetch the file again.
import { posix } from "node:path";
import type { IndexHtmlTransformContext, Plugin } from "vite";

type Bundle = NonNullable<IndexHtmlTransformContext["bundle"]>;

const linkPattern = /<link rel="stylesheet" crossorigin href="([^"]+\.css)">/g;
const urlPattern = /url\(\s*(["']?)([^"')]+)\1\s*\)/g;

/** The plugin that inlines each built page's stylesheets (see the file's header). */
export function createInlineStylesPlugin(): Plugin {
  return {
    name: "live-lesson:inline-styles",
    apply: "build",
    transformIndexHtml: {
      // After every other post hook, so the stylesheets they link are inlined too.
      order: "post",
      handler: (html, ctx) => (ctx.bundle ? inlineStyles(html, (href) => readStyle(ctx.bundle!, href)) : undefined),
    },
  };
}

/**
 * `html` with each `<link rel="stylesheet" crossorigin href>` whose CSS `read(href)` knows replaced
 * by a `<style>` holding it (its relative `url()`s rewritten from the stylesheet's folder to the
 * page's) and a disabled link with the same URL.
 */
export function inlineStyles(html: string, read: (href: string) => string | undefined): string {
  return html.replace(linkPattern, (link, href: string) => {
    const css = read(href);
    if (css === undefined) return link;
    return `<style>${rebaseUrls(css, posix.dirname(href)).replaceAll("</style", "<\\/style")}</style>\n<link rel="stylesheet" crossorigin href="${href}" disabled>`;
  });
}

/** `css`'s relative `url()`s, written relative to `dir` (the stylesheet's folder, as the page sees it). */
function rebaseUrls(css: string, dir: string): string {
  return css.replace(urlPattern, (whole, quote: string, url: string) => {
    if (/^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(url)) return whole;
    const joined = posix.join(dir, url);
    return `url(${quote}${joined.startsWith("/") || joined.startsWith("../") ? joined : `./${joined}`}${quote})`;
  });
}

/** The text of the bundle's CSS asset a page links as `href`, or undefined. */
function readStyle(bundle: Bundle, href: string): string | undefined {
  const file = Object.values(bundle).find((output) => output.type === "asset" && output.fileName.endsWith(".css") && (href === output.fileName || href.endsWith(`/${output.fileName}`)));
  if (!file || file.type !== "asset") return undefined;
  return typeof file.source === "string" ? file.source : new TextDecoder().decode(file.source);
}

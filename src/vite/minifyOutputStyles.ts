// Build only: the `<style>` elements of prerendered outputs minified as Vite minifies a page's own.
// The outputs are written into the pages after the bundler's HTML pass (prerenderSite.ts runs while
// Vite bundles), so Vite never sees them; before, it did, and minified the stylesheet every Plot
// chart carries. The same minifier (lightningcss) with the same options (Vite's minifyCSS for an
// inline style: the build's CSS targets, no trailing newline, `</style` escaped) keeps the pages'
// bytes what they were.
import { transform, type Targets } from "lightningcss";
import type { ResolvedConfig } from "vite";

const stylePattern = /(<style\b[^>]*>)([\s\S]*?)(<\/style>)/g;

/** A function minifying each `<style>` element's CSS in an output's HTML as `config`'s build would (identity when the build does not minify CSS). */
export function createStyleMinifier(config: Pick<ResolvedConfig, "build" | "css">): (html: string) => string {
  const targets = convertTargets(config.build.cssTarget);
  // A target this cannot read (an `es20xx` year): the outputs keep their styles as the cells wrote them.
  if (!config.build.cssMinify || targets === null) return (html) => html;
  const cache = new Map<string, string>();
  const minify = (css: string) => {
    let done = cache.get(css);
    if (done === undefined) {
      const { code } = transform({ ...config.css.lightningcss, targets, filename: "prerendered.css", code: Buffer.from(css), minify: true });
      done = new TextDecoder().decode(code).replace(/<\/(style)/gi, "<\\/$1");
      cache.set(css, done);
    }
    return done;
  };
  return (html) => (html.includes("<style") ? html.replace(stylePattern, (_, open: string, css: string, close: string) => open + minify(css) + close) : html);
}

// Vite's esbuild-style target names, as lightningcss names the browsers (vite's convertTargets).
const browsers: Record<string, keyof Targets | false> = { chrome: "chrome", edge: "edge", firefox: "firefox", ie: "ie", ios: "ios_saf", opera: "opera", safari: "safari", hermes: false, node: false, rhino: false };

/** `cssTarget` (`["chrome111", "safari16.4"]`) as lightningcss targets; undefined for none or `esnext`, null for one it cannot read. */
function convertTargets(cssTarget: string | string[] | false | undefined): Targets | undefined | null {
  if (!cssTarget) return undefined;
  const targets: Targets = {};
  for (const entry of Array.isArray(cssTarget) ? cssTarget : [cssTarget]) {
    if (entry === "esnext") continue;
    const match = /^([a-z]+)(\d+)(?:\.(\d+))?/.exec(entry);
    const browser = match ? browsers[match[1]!] : undefined;
    if (browser === false) continue;
    if (!match || !browser) return null;
    const version = (Number(match[2]) << 16) | (Number(match[3] ?? 0) << 8);
    if (!targets[browser] || version < targets[browser]!) targets[browser] = version;
  }
  return Object.keys(targets).length ? targets : undefined;
}

// Vite config merged by `notebooks build` / `notebooks preview` (Notebook Kit 2.1.8 calls Vite with
// root = --root, so Vite loads this file). Notebook Kit loads every library in the browser from
// https://cdn.jsdelivr.net/npm/<name>/+esm (unversioned = latest; see
// node_modules/@observablehq/notebook-kit/dist/src/runtime/stdlib/*.js and javascript/imports/npm.js).
// This plugin keeps that loading model (one ES module per package, loaded at run time, not
// bundled into the app) but points those URLs at the same-origin copies fill-cache.mjs made from
// node_modules (../framework/fill-cache.mjs's bundles: jsDelivr's /+esm shape), served at /_npm/.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { cp } from "node:fs/promises";
import { join, resolve } from "node:path";
import { createReadStream, statSync } from "node:fs";

const here = import.meta.dirname;
const NPM = join(here, ".npm-cache", ".observablehq", "cache", "_npm");
const CDN = "https://cdn.jsdelivr.net/npm/";

// "https://cdn.jsdelivr.net/npm/<name>[@version]/<path>" → "/_npm/<name>@<version>/<file>", or null.
export function localize(url) {
  if (!url.startsWith(CDN)) return null;
  const spec = url.slice(CDN.length);
  const parts = spec.split("/");
  const namever = spec.startsWith("@") ? parts.splice(0, 2).join("/") : parts.shift();
  const at = namever.indexOf("@", 1);
  const name = at > 0 ? namever.slice(0, at) : namever;
  let version = at > 0 ? namever.slice(at + 1) : null;
  const dir = name.startsWith("@") ? join(NPM, name.split("/")[0]) : NPM;
  const base = name.startsWith("@") ? name.split("/")[1] : name;
  if (!existsSync(dir)) return null;
  const versions = readdirSync(dir).filter((e) => e.startsWith(base + "@")).map((e) => e.slice(base.length + 1));
  if (version === null) version = versions.sort((a, b) => b.localeCompare(a, undefined, { numeric: true }))[0];
  if (!version || !versions.includes(version)) return null; // not filled (a range, or a library this page never loads)
  const path = parts.join("/");
  const file = path === "+esm" ? "_esm.js" : path.endsWith("/+esm") ? path.replace(/\/\+esm$/, "._esm.js") : path;
  if (!existsSync(join(NPM, `${name}@${version}`, file))) return null;
  return `/_npm/${name}@${version}/${file}`;
}

const localizeStrings = (code, map = (local) => local) =>
  code.replace(/(["'`])(https:\/\/cdn\.jsdelivr\.net\/npm\/[^"'`]+)\1/g, (m, q, url) => {
    const local = localize(url);
    return local ? `${q}${map(local)}${q}` : m;
  });

function offlineJsdelivr() {
  let outDir;
  return {
    name: "offline-jsdelivr",
    enforce: "pre",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    resolveId(id) {
      if (id.startsWith("/_npm/")) return { id, external: true };
      const local = localize(id);
      return local ? { id: local, external: true } : null;
    },
    // CSS (stdlib/inputs.css: @import url("https://cdn.jsdelivr.net/npm/@observablehq/inputs/dist/index.css"))
    // is rewritten at load (Vite's CSS pipeline re-reads @imports from the source, not our transform)
    // to the cached file's path on disk, so Vite inlines it into the page's CSS (same bytes, one
    // request fewer than the CDN @import).
    load(id) {
      if (!id.endsWith(".css") || !existsSync(id)) return null;
      const code = readFileSync(id, "utf-8");
      return code.includes(CDN) ? localizeStrings(code, (local) => join(NPM, local.slice("/_npm/".length))) : null;
    },
    // string literals such as tex.js's link.href = "https://cdn.jsdelivr.net/npm/katex/dist/katex.min.css"
    transform(code) {
      return code.includes(CDN) ? localizeStrings(code) : null;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!req.url.startsWith("/_npm/")) return next();
        const file = join(NPM, decodeURIComponent(req.url.slice("/_npm/".length).split("?")[0]));
        if (!file.startsWith(NPM) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader("content-type", file.endsWith(".js") ? "text/javascript" : file.endsWith(".css") ? "text/css" : "application/octet-stream");
        createReadStream(file).pipe(res);
      });
    },
    async closeBundle() {
      if (outDir && existsSync(outDir)) await cp(NPM, join(outDir, "_npm"), { recursive: true });
    }
  };
}

export default { plugins: [offlineJsdelivr()] };

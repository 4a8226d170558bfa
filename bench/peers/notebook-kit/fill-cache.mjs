#!/usr/bin/env node
// Fills .npm-cache/.observablehq/cache/_npm/ with jsDelivr-shaped /+esm bundles of the libraries
// this notebook loads from cdn.jsdelivr.net, made from ./node_modules by ../framework/fill-cache.mjs
// (same method as the Framework peer; needs ../framework's node_modules for rollup and Framework's
// import rewriter). vite.config.js maps the CDN URLs onto these files. Usage: node fill-cache.mjs [--force]
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fillCache } from "../framework/fill-cache.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
await fillCache({
  projectDir: here,
  root: join(here, ".npm-cache"),
  // What the page's cells reach: Plot, Inputs (not bundled here, unlike Framework: stdlib/inputs.js
  // re-exports https://cdn.jsdelivr.net/npm/@observablehq/inputs/+esm), htl (html``), katex (tex).
  roots: ["@observablehq/plot", "@observablehq/inputs", "htl", "katex", "d3"],
  // Raw files: KaTeX's CSS + fonts (tex.js links katex.min.css) and Inputs' stylesheet (stdlib/inputs.css @imports it).
  raw: { katex: ["dist/katex.min.css", { dir: "dist/fonts" }], "@observablehq/inputs": ["dist/index.css"] },
  versionOnly: {},
  force: args.has("--force"),
  quiet: args.has("--quiet")
});

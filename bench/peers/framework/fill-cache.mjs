#!/usr/bin/env node
// Fill Observable Framework's npm cache (src/.observablehq/cache/_npm/) from the npm packages
// installed in ./node_modules, so that `observable build` / `observable preview` never need
// cdn.jsdelivr.net or registry.npmjs.org. See README.md ("How the cache is filled").
//
// Framework 1.13.4 (dist/npm.js) resolves `npm:<name>[@<range>][/<path>]` like this:
//   1. version: an exact x.y.z is used as is; otherwise the highest version among the directory
//      names `_npm/<name>@<version>` already in the cache that satisfies the range; only if none
//      does it ask registry.npmjs.org (and then mkdirs that directory).
//   2. file: `/_npm/<name>@<version>/_esm.js` for the package (jsDelivr's `/npm/<name>@<version>/+esm`),
//      `<subpath>._esm.js` for `<subpath>/+esm`, or the raw file for `npm:<name>/<file.css|.woff2…>`.
//      populateNpmCache() returns at once if that file exists; otherwise it fetches it from
//      jsDelivr and, for JavaScript, rewrites its `/npm/<dep>@<version>/+esm` imports into
//      relative paths inside the cache (getDependencyResolver + rewriteNpmImports).
// So this script makes, for every package the page reaches, the file jsDelivr's `/+esm` would
// serve (one ES module per package, its dependencies left as `/npm/<dep>@<version>/+esm` imports,
// CommonJS converted to ESM, minified) by bundling the local package with rollup +
// @rollup/plugin-node-resolve + @rollup/plugin-commonjs (jsDelivr's own pipeline is rollup +
// terser; we minify with esbuild), then hands it to Framework's own getDependencyResolver() and
// rewriteNpmImports() — the exact code path populateNpmCache() runs on a file fetched from the CDN —
// and writes it where populateNpmCache() would have written it. Raw files (KaTeX's CSS and fonts)
// are copied byte for byte. Versions are the ones installed here (package-lock.json), which are
// the ones Framework resolves online (latest for an unranged `npm:` import, the highest match of
// the importer's declared range for a dependency).
//
// Usage: node fill-cache.mjs [--force] [--quiet]   (idempotent: existing files are kept, like
// Framework itself; --force rebuilds them all.) Also exports fillCache(options) (used by
// ../notebook-kit to make the same jsDelivr-shaped bundles from its own node_modules).

import { createRequire } from "node:module";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { copyFile, mkdir, readdir, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
// Framework's root (observablehq.config.js: root "src") and its npm cache.
export const ROOT = join(here, "src");
export const NPM_CACHE = join(ROOT, ".observablehq", "cache", "_npm");

// What the page reaches. `npm:` imports the page (and Framework's client) makes for it:
//   Plot → npm:@observablehq/plot (which imports d3, interval-tree-1d, isoformat; d3 its 30 d3-*)
//   Inputs → bundled by Framework into _observablehq/stdlib/inputs.js, except its import of htl
//   html → npm:htl;  tex → _observablehq/stdlib/tex.js → npm:katex (+ katex.min.css and fonts)
export const ROOTS = ["@observablehq/plot", "htl", "katex", "d3", "isoformat"];
// Raw files Framework copies for the page (libraries.js: getImplicitStylesheets/Downloads for katex).
export const RAW = { katex: ["dist/katex.min.css", { dir: "dist/fonts" }] };
// Framework's client bundle (_observablehq/client.js, from client/stdlib/recommendedLibraries.js,
// sampleDatasets.js, main.js) mentions these libraries in dynamic import()s. Building it needs
// only their *versions* (an empty `_npm/<name>@<version>/` directory each, exactly what Framework
// mkdirs after asking the registry); their code is never loaded by this page. Versions are the
// npm "latest" of each as Framework itself resolved them (registry.npmjs.org/<name>/latest) in an
// online build on 2026-11-26; found by building with the network off and reading what it asked for.
export const VERSION_ONLY = {
  "react-dom": "19.3.1", // client/main.js
  lodash: "4.18.1", // client/stdlib/recommendedLibraries.js (and below)
  arquero: "8.0.3",
  "apache-arrow": "21.2.0",
  echarts: "6.1.0",
  leaflet: "1.9.4",
  "mapbox-gl": "3.32.0",
  react: "19.3.1",
  "topojson-client": "3.1.0",
  "@observablehq/sample-datasets": "1.0.1", // client/stdlib/sampleDatasets.js
  "parquet-wasm": "0.8.0" // client/stdlib/fileAttachment.js (in _observablehq/stdlib.js)
};

const frameworkDir = join(here, "node_modules", "@observablehq", "framework");
const requireFromFramework = createRequire(join(frameworkDir, "package.json"));
const importFromFramework = (name) => import(pathToFileURL(requireFromFramework.resolve(name)).href);

/**
 * Fills `<root>/.observablehq/cache/_npm/` with jsDelivr-shaped bundles of `roots` (and their
 * dependencies, transitively) taken from `<projectDir>/node_modules`. Returns the set of
 * "name@version" keys bundled.
 */
export async function fillCache({ projectDir = here, root = ROOT, roots = ROOTS, raw = RAW, versionOnly = VERSION_ONLY, force = false, quiet = false } = {}) {
  const log = quiet ? () => {} : (...a) => console.log(...a);
  const NPM_CACHE = join(root, ".observablehq", "cache", "_npm");
  const ROOT = root, ROOTS = roots, RAW = raw, VERSION_ONLY = versionOnly;
  const findPackage = (name, fromDir) => findPackageIn(projectDir, name, fromDir);
  const installed = (key) => installedIn(projectDir, key);
  const { rollup } = await importFromFramework("rollup");
  const { nodeResolve } = await importFromFramework("@rollup/plugin-node-resolve");
  const commonjs = (await importFromFramework("@rollup/plugin-commonjs")).default;
  const json = (await importFromFramework("@rollup/plugin-json")).default;
  const { transform } = await importFromFramework("esbuild");
  const npm = await import(pathToFileURL(join(frameworkDir, "dist", "npm.js")).href);

  // Phase 1: bundle every package reachable from ROOTS (in memory).
  const bundles = new Map(); // key "/_npm/name@version/_esm.js" → {pkg, source}
  const queue = ROOTS.map((name) => findPackage(name, projectDir));
  const seen = new Set();
  while (queue.length) {
    const pkg = queue.shift();
    const key = `${pkg.name}@${pkg.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const path = `/_npm/${key}/_esm.js`;
    const outputPath = join(ROOT, ".observablehq", "cache", path);
    const deps = [];
    if (!force && existsSync(outputPath)) {
      // Already cached: still walk its dependencies (read from the cached file's relative imports).
      for (const dep of cachedDependencies(outputPath, path)) queue.push(installed(dep));
      continue;
    }
    const entry = resolveEntry(pkg);
    const bundle = await rollup({
      input: entry,
      makeAbsoluteExternalsRelative: false, // keep "/npm/<dep>@<version>/+esm" as written
      onwarn(warning, warn) {
        if (warning.code === "CIRCULAR_DEPENDENCY" || warning.code === "THIS_IS_UNDEFINED") return;
        warn(warning);
      },
      plugins: [
        {
          name: "externalize-other-packages",
          resolveId(id, importer) {
            if (id.startsWith("/npm/")) return { id, external: true }; // already externalized (commonjs proxy)
            if (!importer || /^[./\0]/.test(id) || /^[a-z]:/i.test(id) || id.startsWith("node:")) return null;
            const { name, subpath } = splitSpecifier(id);
            if (name === pkg.name) return null; // self-reference: bundle it
            const dep = findPackage(name, dirname(importer));
            deps.push(dep);
            if (subpath) throw new Error(`${pkg.name} imports ${id}: subpath imports not supported`);
            return { id: `/npm/${dep.name}@${dep.version}/+esm`, external: true };
          }
        },
        nodeResolve({ browser: true, exportConditions: ["browser", "import", "module", "default"], preferBuiltins: false }),
        json(),
        commonjs({ requireReturnsDefault: "auto", transformMixedEsModules: true })
      ]
    });
    const { output } = await bundle.generate({ format: "es", exports: "named" });
    await bundle.close();
    if (output.length !== 1) throw new Error(`${key}: expected one chunk, got ${output.length}`);
    const { code } = await transform(output[0].code, { minify: true, format: "esm", target: "es2020", legalComments: "none" });
    bundles.set(path, { key, outputPath, source: `/**\n * ${key} bundled from node_modules by live-lesson bench/peers/framework/fill-cache.mjs\n * (rollup + commonjs + esbuild minify), in the shape of jsDelivr's /npm/${key}/+esm.\n */\n${code}` });
    for (const dep of deps) queue.push(dep);
  }

  // Phase 2: make every version directory first, so that Framework's getDependencyResolver()
  // finds each dependency already in the cache and never asks the network for a package.json.
  for (const key of seen) await mkdir(join(NPM_CACHE, key), { recursive: true });
  for (const [name, version] of Object.entries(VERSION_ONLY)) await mkdir(join(NPM_CACHE, `${name}@${version}`), { recursive: true });

  // Phase 3: rewrite imports with Framework's own code and write the files.
  for (const [path, { key, outputPath, source }] of bundles) {
    const resolver = await npm.getDependencyResolver(ROOT, path, source);
    const rewritten = npm.rewriteNpmImports(source, resolver);
    await writeFile(outputPath, rewritten, "utf-8");
    log(`npm:${key}/+esm → ${relative(here, outputPath)} (${rewritten.length} bytes)`);
  }

  // Raw files (copied as jsDelivr would serve them).
  let copied = 0;
  for (const [name, files] of Object.entries(RAW)) {
    const pkg = findPackage(name, projectDir);
    const target = join(NPM_CACHE, `${pkg.name}@${pkg.version}`);
    for (const f of files) {
      const list = typeof f === "string" ? [f] : (await readdir(join(pkg.dir, f.dir))).map((n) => `${f.dir}/${n}`);
      for (const file of list) {
        const out = join(target, file);
        if (!force && existsSync(out)) continue;
        await mkdir(dirname(out), { recursive: true });
        await copyFile(join(pkg.dir, file), out);
        copied++;
      }
      log(`npm:${pkg.name}@${pkg.version}/${typeof f === "string" ? f : f.dir + "/*"} → ${relative(here, target)}/ (${list.length} files)`);
    }
  }
  log(`filled ${relative(here, NPM_CACHE)}: ${seen.size} packages (${bundles.size} bundled now), ${Object.keys(VERSION_ONLY).length} version-only, ${copied} raw files copied now`);
  return seen;
}

function splitSpecifier(id) {
  const parts = id.split("/");
  const name = id.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
  const subpath = parts.slice(id.startsWith("@") ? 2 : 1).join("/");
  return { name, subpath };
}

// Node's lookup: the nearest node_modules/<name> from `fromDir` upwards (not above projectDir).
function findPackageIn(projectDir, name, fromDir) {
  for (let dir = resolve(fromDir); ; dir = dirname(dir)) {
    const pj = join(dir, "node_modules", name, "package.json");
    if (existsSync(pj)) {
      const json = JSON.parse(readFileSync(pj, "utf-8"));
      return { name, version: json.version, dir: dirname(pj), json };
    }
    if (dirname(dir) === dir || dir === resolve(projectDir)) throw new Error(`package ${name} not installed (from ${fromDir}); run npm ci`);
  }
}

// Every package installed under ./node_modules (nested ones too), by "name@version".
const installedIndexes = new Map();
function installedIn(projectDir, key) {
  let installedIndex = installedIndexes.get(projectDir);
  if (!installedIndex) {
    installedIndexes.set(projectDir, (installedIndex = new Map()));
    const walk = (nm) => {
      if (!existsSync(nm)) return;
      for (const entry of readdirSync(nm)) {
        if (entry.startsWith(".")) continue;
        const dirs = entry.startsWith("@") ? readdirSync(join(nm, entry)).map((e) => join(nm, entry, e)) : [join(nm, entry)];
        for (const dir of dirs) {
          const pj = join(dir, "package.json");
          if (!existsSync(pj)) continue;
          const json = JSON.parse(readFileSync(pj, "utf-8"));
          if (json.name && json.version && !installedIndex.has(`${json.name}@${json.version}`)) installedIndex.set(`${json.name}@${json.version}`, { name: json.name, version: json.version, dir, json });
          walk(join(dir, "node_modules"));
        }
      }
    };
    walk(join(projectDir, "node_modules"));
  }
  const pkg = installedIndex.get(key);
  if (!pkg) throw new Error(`${key} is in the cache but not installed; run npm ci, or fill-cache --force`);
  return pkg;
}

// The ES module entry a bundler (and jsDelivr's /+esm) picks: exports import/default, then module, then main.
function resolveEntry({ dir, json, name }) {
  const pick = (e) => {
    if (typeof e === "string") return e;
    if (Array.isArray(e)) return pick(e[0]);
    if (e && typeof e === "object") {
      for (const c of ["browser", "import", "module", "default"]) if (c in e) { const r = pick(e[c]); if (r) return r; }
    }
    return undefined;
  };
  let rel;
  if (json.exports) rel = pick(typeof json.exports === "object" && "." in json.exports ? json.exports["."] : json.exports);
  rel ??= (typeof json.browser === "string" ? json.browser : undefined) ?? json.module ?? json.main ?? "index.js";
  const file = join(dir, rel);
  if (existsSync(file)) return file;
  if (existsSync(file + ".js")) return file + ".js";
  if (existsSync(join(file, "index.js"))) return join(file, "index.js");
  throw new Error(`${name}: entry ${rel} not found`);
}

// The packages a cached _esm.js imports (relative paths ../<name>@<version>/_esm.js).
function cachedDependencies(file, path) {
  const src = readFileSync(file, "utf-8");
  const deps = [];
  for (const m of src.matchAll(/(?:from|import)\s*["']([^"']+\/_esm\.js)["']/g)) {
    const abs = join(dirname(path), m[1]).split(sep).join("/"); // /_npm/<name>@<version>/_esm.js
    const rest = abs.replace(/^\/_npm\//, "").replace(/\/_esm\.js$/, "");
    const at = rest.lastIndexOf("@");
    const name = rest.slice(0, at);
    const version = rest.slice(at + 1);
    deps.push(`${name}@${version}`);
  }
  return deps;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = new Set(process.argv.slice(2));
  fillCache({ force: args.has("--force"), quiet: args.has("--quiet") }).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

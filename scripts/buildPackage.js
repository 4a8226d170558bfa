#!/usr/bin/env node
// The package build: src/ (TypeScript) → lib/ (JavaScript, .d.ts, and the files the code reads at
// run time: stylesheets, the builtins' declarations, the lesson template, the type-check worker,
// the math reference page),
// so the installed package runs with no TypeScript loader. Run by `prepack` (npm pack), by
// bin/lesson.js in a checkout, and before `npm test` and `npm run bench`. Skipped while lib/ is newer than
// every file it is built from (`--force` rebuilds). lib/ is replaced only once the new one is whole.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const src = join(root, "src");
const lib = join(root, "lib");
const inputs = [src, join(root, "tsconfig.json"), join(root, "tsconfig.build.json"), fileURLToPath(import.meta.url)];

/** Files the code reads at run time, copied as they are (tsc emits only .ts → .js + .d.ts). */
const isAsset = (name) => /\.(css|mjs|d\.ts)$/.test(name) || (name.endsWith(".md") && name !== "README.md");

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function newestInput() {
  return Math.max(...inputs.flatMap((path) => (statSync(path).isDirectory() ? listFiles(path) : [path])).map((file) => statSync(file).mtimeMs));
}

function isUpToDate() {
  return existsSync(join(lib, "cli/main.js")) && statSync(lib).mtimeMs >= newestInput();
}

const quiet = process.argv.includes("--quiet");
if (!process.argv.includes("--force") && isUpToDate()) {
  if (!quiet) console.log("lib/ is up to date");
  process.exit(0);
}

const started = performance.now();
const out = join(root, `lib.building-${process.pid}`);
rmSync(out, { recursive: true, force: true });
try {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const compiled = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json"), "--outDir", out], { cwd: root, stdio: "inherit" });
  if (compiled.status !== 0) throw new Error(`tsc failed (exit ${compiled.status ?? compiled.signal}): lib/ is left as it was`);
  for (const file of listFiles(src)) {
    if (isAsset(file.slice(file.lastIndexOf("/") + 1))) cpSync(file, join(out, relative(src, file)));
  }
  // tsc rewrites import specifiers, not the module URL of a Worker (`new Worker(new URL("./x.ts",
  // import.meta.url))`, the form Vite bundles a worker from): it must name the compiled x.js.
  for (const file of listFiles(out).filter((path) => path.endsWith(".js"))) {
    const text = readFileSync(file, "utf8");
    const rewritten = text.replace(/new URL\((["'])(\.{1,2}\/[^"']+)\.ts\1, import\.meta\.url\)/g, (whole, quote, path) =>
      existsSync(join(dirname(file), `${path}.js`)) ? `new URL(${quote}${path}.js${quote}, import.meta.url)` : whole,
    );
    if (rewritten !== text) writeFileSync(file, rewritten);
  }
  // The math reference page, from the sources' doc comments (the installed package has no sources to read).
  const { writeMathReference } = await import(pathToFileURL(join(out, "site/loadMathReference.js")).href);
  await writeMathReference(join(src, "math/index.ts"), join(out, "math/reference.md"));
  rmSync(lib, { recursive: true, force: true });
  renameSync(out, lib);
  // The folder's time says when it was built: isUpToDate compares it with the sources.
  const now = new Date();
  utimesSync(lib, now, now);
  if (!quiet) console.log(`built lib/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  rmSync(out, { recursive: true, force: true });
  console.error(`buildPackage: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

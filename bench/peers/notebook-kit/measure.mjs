// Helpers for the main bench to measure the Notebook Kit peer. The page has the same sliders,
// chart aria-labels and table as the Framework peer, so the in-page probes, the static server,
// Chromium launcher and byte counter are shared with ../framework/measure.mjs (see its README).
import { spawn, spawnSync } from "node:child_process";
import { rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as fw from "../framework/measure.mjs";

export { installProbes, waitForAllCharts, timeSliderChange, bytesLoaded, launchChromium, pageUrl, SLIDERS, ALL_CHARTS } from "../framework/measure.mjs";
export const NOTEBOOK_KIT_DIR = dirname(fileURLToPath(import.meta.url));
export const DIST_DIR = join(NOTEBOOK_KIT_DIR, "dist");
const NOTEBOOKS_BIN = join(NOTEBOOK_KIT_DIR, "node_modules", "@observablehq", "notebook-kit", "dist", "bin", "notebooks.js");
const canIsolate = () => process.platform === "linux" && spawnSync("unshare", ["-rn", "true"]).status === 0;

/** npm ci (here and ../framework) when missing + fill .npm-cache (runs build.sh's first steps). */
export async function prepare() {
  await fw.prepare();
  await new Promise((resolve, reject) => {
    const child = spawn("sh", ["-c", "[ -f node_modules/@observablehq/notebook-kit/package.json ] || npm ci --no-audit --no-fund; node fill-cache.mjs --quiet"], { cwd: NOTEBOOK_KIT_DIR, stdio: "inherit" });
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`prepare exited ${code}`))));
  });
}

/**
 * Cold build: removes dist/ and Vite's cache (node_modules/.vite), keeps .npm-cache (the
 * "already downloaded" libraries), times `notebooks build` as a child process (wall clock).
 */
export async function buildNotebookKit({ isolate = canIsolate() } = {}) {
  await rm(DIST_DIR, { recursive: true, force: true });
  await rm(join(NOTEBOOK_KIT_DIR, "node_modules", ".vite"), { recursive: true, force: true });
  const args = [NOTEBOOKS_BIN, "build", "--root", ".", "-o", "dist", "--empty", "--", "index.html"];
  const [cmd, argv] = isolate ? ["unshare", ["-rn", process.execPath, ...args]] : [process.execPath, args];
  const start = performance.now();
  let output = "";
  await new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: NOTEBOOK_KIT_DIR });
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`notebooks build exited ${code}\n${output}`))));
  });
  return { ms: performance.now() - start, isolated: isolate, output };
}

/** Static server for dist/ on 127.0.0.1 (the page loads its libraries from /_npm/ at the root). */
export const serveDist = (dir = DIST_DIR) => fw.serveDist(dir);

/** `notebooks preview` (Vite dev server) on 127.0.0.1; vite.config.js serves /_npm/ from .npm-cache. */
export async function startPreview() {
  const child = spawn(process.execPath, [NOTEBOOKS_BIN, "preview", "--root", "."], { cwd: NOTEBOOK_KIT_DIR, env: { ...process.env, NO_COLOR: "1" } });
  let out = "";
  const origin = await new Promise((resolve, reject) => {
    const onData = (d) => {
      out += d;
      const m = /http:\/\/(?:localhost|127\.0\.0\.1):(\d+)\//.exec(out.replace(/\x1b\[[0-9;]*m/g, ""));
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("close", (code) => reject(new Error(`notebooks preview exited ${code}\n${out}`)));
  });
  return { origin, output: () => out, close: async () => { child.kill("SIGTERM"); } };
}

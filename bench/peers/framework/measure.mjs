// Helpers the main bench (bench/run.js) can import to measure the Observable Framework peer.
// Nothing here asserts on timings; it only measures. See README.md for the method.
//
//   import * as fw from "./peers/framework/measure.mjs";
//   await fw.prepare();                         // npm ci if needed + fill the _npm cache (offline)
//   const {ms} = await fw.buildFramework();     // cold `observable build` (dist + non-npm cache cleared)
//   const server = await fw.serveDist();        // node:http on 127.0.0.1, logs every request
//   const browser = await fw.launchChromium();
//   const page = await browser.newPage();  await fw.installProbes(page);
//   await page.goto(fw.pageUrl(server));  const load = await fw.waitForAllCharts(page);
//   const t = await fw.timeSliderChange(page, "w", 1.23);   // {domMs, paintMs}
//   const bytes = fw.bytesLoaded(server.log);             // JS + CSS raw and gzip (files and inline)

import { spawn, spawnSync } from "node:child_process";
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { createServer } from "node:http";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

export const FRAMEWORK_DIR = dirname(fileURLToPath(import.meta.url));
export const SRC_DIR = join(FRAMEWORK_DIR, "src");
export const DIST_DIR = join(FRAMEWORK_DIR, "dist");
export const CACHE_DIR = join(SRC_DIR, ".observablehq", "cache");
export const OBSERVABLE_BIN = join(FRAMEWORK_DIR, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"
];

// The page's controls and, for each, the charts that depend on it (by the ariaLabel each Plot
// chart is given, or a CSS selector). Framework puts aria-label on the chart's <svg>.
export const SLIDERS = {
  w: { label: "w (slope)", dependents: ['svg[aria-label="The data points and the line y = w·x"]', 'svg[aria-label="The loss curve L(w) with the tangent at w"]'] },
  alpha: { label: "α (learning rate)", dependents: ['svg[aria-label="The descent path on the loss curve"]', 'svg[aria-label="The loss per step"]', "form.inputs-3a86ea-table"] }
};
export const ALL_CHARTS = [...new Set(Object.values(SLIDERS).flatMap((s) => s.dependents))];

const env = { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true" };
const canIsolate = () => process.platform === "linux" && spawnSync("unshare", ["-rn", "true"]).status === 0;

function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: FRAMEWORK_DIR, env, stdio: opts.stdio ?? ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout?.on("data", (d) => (out += d));
    child.stderr?.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}\n${out}`))));
  });
}

/** npm ci when node_modules is missing, then fill Framework's _npm cache from node_modules. */
export async function prepare({ quiet = true } = {}) {
  if (!existsSync(OBSERVABLE_BIN)) await run("npm", ["ci", "--no-audit", "--no-fund"]);
  await run(process.execPath, [join(FRAMEWORK_DIR, "fill-cache.mjs"), ...(quiet ? ["--quiet"] : [])]);
}

/** What a cold build starts without: dist/ and the cache but its filled _npm/ (see buildFramework). */
export async function clearFrameworkBuild() {
  await rm(DIST_DIR, { recursive: true, force: true });
  if (existsSync(CACHE_DIR)) {
    for (const entry of await readdir(CACHE_DIR)) if (entry !== "_npm") await rm(join(CACHE_DIR, entry), { recursive: true, force: true });
  }
}

/**
 * Cold build: removes dist/ and everything in src/.observablehq/cache/ except _npm/ (the filled
 * npm cache, which stands for "already downloaded from the CDN"), then times
 * `node …/observable.js build` as a child process (wall clock, process start included).
 * With isolate (default: when `unshare -rn` works) the build runs with no network at all.
 */
export async function buildFramework({ isolate = canIsolate() } = {}) {
  await clearFrameworkBuild();
  const [cmd, args] = isolate ? ["unshare", ["-rn", process.execPath, OBSERVABLE_BIN, "build"]] : [process.execPath, [OBSERVABLE_BIN, "build"]];
  const start = performance.now();
  const output = await run(cmd, args);
  const ms = performance.now() - start;
  return { ms, isolated: isolate, output };
}

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png", ".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf"
};

/** Static server for dist/ on 127.0.0.1 (random port). log: [{url, path, status, bytes, type}]. */
export async function serveDist(dir = DIST_DIR) {
  const log = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith("/")) rel += "index.html";
    let file = normalize(join(dir, rel));
    if (!file.startsWith(dir + sep) && file !== dir) file = null;
    if (file && !existsSync(file) && existsSync(file + ".html")) file += ".html"; // Framework's clean URLs
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      log.push({ url: req.url, path: null, status: 404, bytes: 0, type: "" });
      res.writeHead(404).end("not found");
      return;
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    const bytes = statSync(file).size;
    log.push({ url: req.url, path: file, status: 200, bytes, type });
    res.writeHead(200, { "content-type": type, "content-length": bytes, "cache-control": "no-store" });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, log, close: () => new Promise((resolve) => server.close(resolve)) };
}

export const pageUrl = (server) => `${server.origin}/`;

/** Headless Chromium (/usr/bin/chromium) through playwright-core, fresh profile. */
export async function launchChromium({ userDataDir = mkdtempSync(join(tmpdir(), "fw-peer-chromium-")) } = {}) {
  const { chromium } = await import(pathToFileURL(join(FRAMEWORK_DIR, "node_modules", "playwright-core", "index.mjs")).href);
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1000, height: 900 } });
  return {
    context,
    newPage: () => context.newPage(),
    close: async () => { await context.close(); await rm(userDataDir, { recursive: true, force: true }); }
  };
}

// In-page probes, installed before any page script runs (page.addInitScript).
// window.__fw.allDrawnAt: performance.now() (ms since navigation start) of the first mutation
// batch after which every chart in ALL_CHARTS is in the document.
// window.__fw.timeChange(label, value, dependents): sets the slider's <input type=range> value,
// dispatches a bubbling "input" event (what a drag does), and resolves with
//   domMs   — from just before dispatch to the MutationObserver callback in which the last
//             dependent chart's element was replaced by a new, connected element;
//   paintMs — to the first requestAnimationFrame callback after that, plus a MessageChannel task
//             (i.e. after the frame that paints the new charts has been produced).
function probes(allCharts) {
  const fw = (window.__fw = { allDrawnAt: null });
  const allPresent = () => allCharts.every((s) => document.querySelector(s));
  new MutationObserver((_, obs) => {
    if (fw.allDrawnAt === null && allPresent()) { fw.allDrawnAt = performance.now(); obs.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
  const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(performance.now()); c.port2.postMessage(0); }));
  fw.findSlider = (label) => {
    const form = [...document.querySelectorAll("form")].find((f) => f.querySelector("label")?.textContent.trim() === label);
    return form?.querySelector("input[type=range]");
  };
  fw.timeChange = (label, value, dependents, timeoutMs = 5000) => new Promise((resolve, reject) => {
    const input = fw.findSlider(label);
    if (!input) return reject(new Error(`no slider labelled ${label}`));
    const before = dependents.map((s) => document.querySelector(s));
    const pending = new Set(dependents.keys());
    let t0 = 0;
    const timer = setTimeout(() => { obs.disconnect(); reject(new Error(`timeout: ${[...pending].map((i) => dependents[i])} not redrawn`)); }, timeoutMs);
    const obs = new MutationObserver(() => {
      for (const i of pending) {
        const now = document.querySelector(dependents[i]);
        if (now && now !== before[i] && now.isConnected) pending.delete(i);
      }
      if (pending.size) return;
      const domAt = performance.now();
      obs.disconnect();
      clearTimeout(timer);
      afterPaint().then((paintAt) => resolve({ domMs: domAt - t0, paintMs: paintAt - t0 }));
    });
    obs.observe(document.body, { childList: true, subtree: true });
    input.value = String(value);
    t0 = performance.now();
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

/** allCharts: the selectors that must all be present for "all charts drawn" (any page). */
export async function installProbes(page, allCharts = ALL_CHARTS) {
  await page.addInitScript(probes, allCharts);
}

/** Waits until all charts are drawn; returns {allDrawnMs} since navigation start. */
export async function waitForAllCharts(page, { timeout = 30000 } = {}) {
  await page.waitForFunction(() => window.__fw?.allDrawnAt != null, null, { timeout, polling: 50 });
  return { allDrawnMs: await page.evaluate(() => window.__fw.allDrawnAt) };
}

/**
 * One slider change → every dependent chart redrawn. slider: "w" | "alpha", or
 * {label, dependents} for another page (slider label text, selectors of its dependent outputs).
 */
export async function timeSliderChange(page, slider, value) {
  const { label, dependents } = typeof slider === "string" ? SLIDERS[slider] : slider;
  return page.evaluate(([l, v, d]) => window.__fw.timeChange(l, v, d), [label, value, dependents]);
}

/** JS and CSS the page loaded, from the server's request log: raw bytes and gzip -9 bytes. */
export function bytesLoaded(log) {
  const seen = new Set();
  const total = { js: { raw: 0, gzip: 0, files: 0, inline: 0 }, css: { raw: 0, gzip: 0, files: 0, inline: 0 } };
  const add = (kind, buf) => {
    total[kind].raw += buf.length;
    total[kind].gzip += gzipSync(buf, { level: 9 }).length;
  };
  for (const { path, status } of log) {
    if (status !== 200 || seen.has(path)) continue;
    seen.add(path);
    if (path.endsWith(".html")) {
      // Code inlined in a page is fetched too: each <script> and <style> element's text counts as
      // JS or CSS (gzip alone: in the page it shares the HTML's compression, so this overstates it
      // a little, alike for every system).
      const html = readFileSync(path, "utf8");
      for (const [, tag, text] of html.matchAll(/<(script|style)\b[^>]*>([\s\S]*?)<\/\1>/gi)) {
        if (!text.trim()) continue;
        const kind = tag.toLowerCase() === "style" ? "css" : "js";
        add(kind, Buffer.from(text));
        total[kind].inline++;
      }
      continue;
    }
    const kind = path.endsWith(".js") ? "js" : path.endsWith(".css") ? "css" : null;
    if (!kind) continue;
    add(kind, readFileSync(path));
    total[kind].files++;
  }
  return { ...total, raw: total.js.raw + total.css.raw, gzip: total.js.gzip + total.css.gzip };
}

/**
 * `observable preview` (Framework's dev server) on 127.0.0.1, no browser opened. It serves npm
 * libraries from the same filled _npm cache, so it works offline too. Returns {origin, close}.
 */
export async function startPreview({ isolate = false } = {}) {
  const args = [OBSERVABLE_BIN, "preview", "--no-open", "--host", "127.0.0.1", "--port", String(await freePort())];
  const child = isolate ? spawn("unshare", ["-rn", process.execPath, ...args], { cwd: FRAMEWORK_DIR, env }) : spawn(process.execPath, args, { cwd: FRAMEWORK_DIR, env });
  let out = "";
  const origin = await new Promise((resolve, reject) => {
    const onData = (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out.replace(/\x1b\[[0-9;]*m/g, ""));
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("close", (code) => reject(new Error(`observable preview exited ${code}\n${out}`)));
  });
  return { origin, output: () => out, close: async () => { child.kill("SIGTERM"); } };
}

async function freePort() {
  const s = createServer();
  await new Promise((resolve) => s.listen(0, "127.0.0.1", resolve));
  const { port } = s.address();
  await new Promise((resolve) => s.close(resolve));
  return port;
}

#!/usr/bin/env node
// Checks the built Framework page (dist/) in headless Chromium, offline:
// every chart renders, moving each slider redraws its dependent charts, no request leaves
// 127.0.0.1, no page errors; prints load time, slider timings and JS+CSS bytes; writes a
// screenshot to dist-screenshot.png. Usage: node verify.mjs [--changes N] [--no-screenshot]
// (run after build.sh; `unshare -rn sh -c 'ip link set lo up && node verify.mjs'` to prove
// there is no network at all.) With --preview it checks `observable preview` (the dev server)
// instead of dist/ (no byte counts then: the dev server serves unminified client code).
// --dist DIR checks another static build of the same page (e.g. ../notebook-kit/dist);
// --peer notebook-kit checks the Notebook Kit peer (its dist/, or its dev server with --preview).

import { basename, dirname, join, resolve } from "node:path";
import * as fw from "./measure.mjs";

const argv = process.argv.slice(2);
const changes = Number(argv[argv.indexOf("--changes") + 1]) || 10;
const screenshot = !argv.includes("--no-screenshot");
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };

const preview = argv.includes("--preview");
const peer = argv.includes("--peer") ? argv[argv.indexOf("--peer") + 1] : "framework";
const peerModule = peer === "framework" ? fw : await import(`../${peer}/measure.mjs`);
let distArg = argv.includes("--dist") ? resolve(argv[argv.indexOf("--dist") + 1]) : null;
if (!distArg && peer !== "framework") distArg = peerModule.DIST_DIR;
const server = preview ? await peerModule.startPreview() : await fw.serveDist(distArg ?? fw.DIST_DIR);
const screenshotPath = distArg ? join(dirname(distArg), `${basename(distArg)}-screenshot.png`) : join(fw.FRAMEWORK_DIR, "dist-screenshot.png");
const browser = await fw.launchChromium();
const problems = [];
try {
  const page = await browser.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error" && !/favicon/.test(m.location()?.url ?? "")) problems.push(`console.error: ${m.text()}`); });
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  await fw.installProbes(page);
  await page.goto(fw.pageUrl(server));
  const { allDrawnMs } = await fw.waitForAllCharts(page);
  await page.waitForLoadState("networkidle");
  const errors = await page.$$eval(".observablehq--error", (els) => els.map((e) => e.textContent));
  for (const e of errors) problems.push(`cell error: ${e}`);
  const texCount = await page.$$eval(".katex", (els) => els.length);
  const bytes = preview ? null : fw.bytesLoaded(server.log);
  console.log(`all ${fw.ALL_CHARTS.length} charts drawn ${allDrawnMs.toFixed(1)} ms after navigation start; ${texCount} KaTeX renderings`);
  if (bytes) console.log(`JS ${bytes.js.files} files ${(bytes.js.raw / 1024).toFixed(1)} KiB raw / ${(bytes.js.gzip / 1024).toFixed(1)} KiB gzip; CSS ${bytes.css.files} files ${(bytes.css.raw / 1024).toFixed(1)} KiB raw / ${(bytes.css.gzip / 1024).toFixed(1)} KiB gzip; total ${(bytes.raw / 1024).toFixed(1)} KiB raw / ${(bytes.gzip / 1024).toFixed(1)} KiB gzip`);
  if (screenshot) await page.screenshot({ path: screenshotPath, fullPage: true });

  for (const [slider, values] of [["w", (i) => ((i * 37) % 400) / 100 + 0.01], ["alpha", (i) => 0.001 + ((i * 7) % 99) / 1000]]) {
    const dom = [], paint = [];
    for (let i = 0; i < changes; ++i) {
      const t = await fw.timeSliderChange(page, slider, values(i));
      dom.push(t.domMs); paint.push(t.paintMs);
    }
    console.log(`${slider}: ${changes} changes, DOM redrawn median ${quantile(dom, 0.5).toFixed(2)} ms p95 ${quantile(dom, 0.95).toFixed(2)} ms; after paint median ${quantile(paint, 0.5).toFixed(2)} ms p95 ${quantile(paint, 0.95).toFixed(2)} ms`);
  }
  // The page shows what the slider says (read back the readout after setting w = 2).
  await fw.timeSliderChange(page, "w", 2);
  const readout = await page.evaluate(() => document.querySelector("main").innerText.match(/L\(w\)\s*=\s*[\d.]+/)?.[0]);
  console.log(`readout at w = 2: ${readout}`);
  if (!/2\.000|L\(w\)\s*=\s*3\.000/.test(readout ?? "")) problems.push(`unexpected readout at w=2: ${readout}`); // L(2) = 1+1+1 = 3
  const external = requests.filter((u) => !u.startsWith(server.origin + "/") && !u.startsWith("data:"));
  console.log(`${requests.length} requests, ${external.length} outside ${server.origin}`);
  for (const u of external) problems.push(`external request: ${u}`);
  const notFound = (server.log ?? []).filter((r) => r.status !== 200 && r.url !== "/favicon.ico"); // Chromium's own favicon probe
  for (const r of notFound) problems.push(`404: ${r.url}`);
} finally {
  await browser.close();
  await server.close();
}
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log("OK");

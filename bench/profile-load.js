#!/usr/bin/env node
// Why the worked example's load goals are missed (issue 15): navigation → every chart visible ≤ 0.3×
// Framework's, navigation → interactive ≤ 0.7×. Loads our page and Framework's, alternated, each in a
// fresh Chromium profile (cold, as the bench loads them: bench/lib/page.js), beside two floors no page
// script can go under: our page's HTML with its module scripts removed (the prerendered charts, the
// CSS, nothing to run) and an empty page (one paragraph). Per round, every page once untraced (the
// wall times: bench/lib/loadProbe.js) and once traced (the CPU: bench/lib/trace.js, loadTrace.js).
// Prints Markdown; --out writes it, keeping that file's hand-written "## Reading" section.
//   node bin/lesson.js build bench/lessons --out /tmp/worked-example-dist   (what `npm run bench` serves)
//   node bench/profile-load.js /tmp/worked-example-dist [--rounds 5] [--out bench/profiles/load.md] [--keep /tmp/load-traces]
// Framework's page is bench/peers/framework/dist, made by `npm run bench` (or its build.sh).
// --keep writes each traced load's trace (open in chrome://tracing or Perfetto) and its main
// thread's CPU profile (for bench/summarize-profile.js).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import * as fw from "./peers/framework/measure.mjs";
import { installLoadProbe, readLoadProbe } from "./lib/loadProbe.js";
import { cpuProfileOf, recordTrace } from "./lib/trace.js";
import { CATEGORY_NAMES, browserCpu, findPage, mainThreadBusy, mainThreadByCategory, scriptByChunk } from "./lib/loadTrace.js";
import { summarize } from "./lib/stats.js";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: "string", default: "5" }, out: { type: "string" }, keep: { type: "string" } } });
const [ourDist] = positionals;
if (!ourDist || !existsSync(join(ourDist, "worked-example.html")) || !existsSync(join(fw.DIST_DIR, "index.html"))) {
  console.error("usage: node bench/profile-load.js <our built worked example> [--rounds 5] [--out file.md] [--keep dir]\n(needs <dir>/worked-example.html and bench/peers/framework/dist/index.html)");
  process.exit(2);
}
const rounds = Number(values.rounds);
const loadAtStart = loadavg().map((l) => l.toFixed(2)).join(", ");
const startedAt = new Date();
if (values.keep) mkdirSync(values.keep, { recursive: true });

/** The two floors, written to a scratch folder: our page without its module scripts, an empty page. */
function writeFloors() {
  const dir = mkdtempSync(join(tmpdir(), "live-lesson-load-floors-"));
  symlinkSync(join(ourDist, "assets"), join(dir, "assets"), "dir");
  const html = readFileSync(join(ourDist, "worked-example.html"), "utf8")
    .replace(/<script type="module"[^>]*><\/script>/g, "")
    .replace(/<link rel="modulepreload"[^>]*>/g, "");
  writeFileSync(join(dir, "static.html"), html);
  writeFileSync(join(dir, "empty.html"), '<!doctype html><html lang="en"><meta charset="utf-8"><title>Empty</title><p>An empty page.</p></html>\n');
  return dir;
}

const floors = writeFloors();
const servers = { ours: await fw.serveDist(ourDist), framework: await fw.serveDist(fw.DIST_DIR), floors: await fw.serveDist(floors) };
/** The pages, in the order of the first round (later rounds rotate it). `until`: what the load waits for. */
const systems = {
  ours: { title: "live-lesson", url: `${servers.ours.origin}/worked-example.html`, dir: ourDist, until: "interactive" },
  framework: { title: "Framework", url: fw.pageUrl(servers.framework), dir: fw.DIST_DIR, until: "interactive" },
  static: { title: "ours, no scripts", url: `${servers.floors.origin}/static.html`, dir: floors, until: "visible" },
  empty: { title: "empty page", url: `${servers.floors.origin}/empty.html`, dir: floors, until: "fcp" },
};

/** Chunk labels: a package for Framework's npm bundles, else the file, with the libraries it holds. */
const LIBRARIES = [["Plot", /plot-clip/], ["Inputs", /inputs-3a86ea/], ["@observablehq/runtime", /RuntimeError/], ["KaTeX", /katex-mathml/], ["CodeMirror", /cm-editor/]];
const labels = new Map();
function labelChunk(system, url) {
  if (labels.has(url)) return labels.get(url);
  const path = new URL(url).pathname;
  let label = /_npm\/((?:@[^/]+\/)?[^@/]+)@/.exec(path)?.[1];
  if (!label && url === system.url) label = "the page's inline scripts";
  if (!label) {
    const file = join(system.dir, decodeURIComponent(path));
    const text = existsSync(file) ? readFileSync(file, "utf8") : "";
    const holds = LIBRARIES.filter(([, re]) => re.test(text)).map(([name]) => name);
    label = `${path.replace(/^.*\//, "")} (${(text.length / 1024).toFixed(0)} KB${holds.length ? `: ${holds.join(", ")}` : ""})`;
  }
  labels.set(url, label);
  return label;
}

/** One cold load in a fresh profile: the reader's times, and with `trace` the trace's figures. */
async function load(name, { trace }) {
  const system = systems[name];
  const browser = await fw.launchChromium();
  try {
    const page = await browser.newPage();
    if (system.until !== "fcp") {
      await fw.installProbes(page);
      await installLoadProbe(page, { charts: fw.ALL_CHARTS, slider: { ...fw.SLIDERS.w, values: ["2.17", "1.33"] } });
    }
    const run = async () => {
      await page.goto(system.url);
      return readTimes(page, system.until);
    };
    if (!trace) return { times: await run() };
    const { events, result: times } = await recordTrace(browser.context, page, run);
    return { times, cpu: readCpu(events, system, times, name) };
  } finally {
    await browser.close();
  }
}

/** Navigation → first byte, FCP, every chart visible, interactive (ms), and the last response before visible. */
async function readTimes(page, until) {
  const probe = until === "interactive" ? await readLoadProbe(page) : null;
  if (until === "visible") await page.waitForFunction(() => window.__load?.visibleAt != null, null, { timeout: 60000, polling: 50 });
  await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0, null, { timeout: 60000, polling: 50 });
  // Two frames, so work the first paint started has finished in the trace.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate((probe) => {
    const fcp = performance.getEntriesByName("first-contentful-paint")[0].startTime;
    const visible = probe?.visibleMs ?? (window.__load ? Math.max(window.__load.visibleAt, fcp) : fcp);
    const navigation = performance.getEntriesByType("navigation")[0];
    const before = performance.getEntriesByType("resource").filter((r) => r.responseEnd <= visible);
    return {
      firstByte: navigation.responseStart,
      htmlReceived: navigation.responseEnd,
      fcp,
      visible,
      interactive: probe?.interactiveMs ?? null,
      lastResponse: Math.max(navigation.responseEnd, ...before.map((r) => r.responseEnd)),
      requests: before.length + 1,
    };
  }, probe);
}

/** `cpu` ms split in the shares of `sampled` (chunk → sampled ms). */
function splitCpu(cpu, sampled) {
  const total = Object.values(sampled).reduce((a, b) => a + b, 0);
  return Object.fromEntries(Object.entries(sampled).map(([chunk, ms]) => [chunk, total ? (cpu * ms) / total : 0]));
}

let traced = 0;
/** The traced load's CPU in [navigation, visible] and [visible, interactive]. */
function readCpu(events, system, times, name) {
  const { thread, navigationStart } = findPage(events, system.url);
  const at = (ms) => navigationStart + ms * 1000;
  const windows = [[navigationStart, at(times.visible)]];
  if (times.interactive != null) windows.push([at(times.visible), at(times.interactive)]);
  const label = (url) => labelChunk(system, url);
  const byCategory = mainThreadByCategory(events, thread, windows);
  const byChunk = scriptByChunk(events, thread, windows, label);
  if (values.keep) {
    traced++;
    writeFileSync(join(values.keep, `${name}-${traced}.trace.json`), JSON.stringify({ traceEvents: events }));
    writeFileSync(join(values.keep, `${name}-${traced}.main.cpuprofile`), JSON.stringify(cpuProfileOf(events, thread)));
  }
  return windows.map((window, i) => ({
    byCategory: byCategory[i],
    byChunk: splitCpu(byCategory[i]["script run"], byChunk[i]),
    busy: mainThreadBusy(events, thread, window),
    others: browserCpu(events, window, thread),
  }));
}

const samples = Object.fromEntries(Object.keys(systems).map((name) => [name, { times: [], cpu: [] }]));
const names = Object.keys(systems);
for (let round = 0; round < rounds; round++) {
  const order = names.map((_, i) => names[(i + round) % names.length]);
  console.error(`round ${round + 1}/${rounds}: ${order.join(", ")} (load ${loadavg()[0].toFixed(2)})`);
  for (const name of order) samples[name].times.push((await load(name, { trace: false })).times);
  for (const name of order) {
    const { times, cpu } = await load(name, { trace: true });
    samples[name].cpu.push({ times, cpu });
  }
}
for (const server of Object.values(servers)) await server.close();
rmSync(floors, { recursive: true, force: true });

// Report: medians over the rounds.
const median = (list) => summarize(list.filter((v) => v != null))?.median ?? null;
const ms = (v) => (v == null ? "–" : v.toFixed(0));
const range = (list) => {
  const s = summarize(list.filter((v) => v != null));
  return s ? `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})` : "–";
};
const x = (a, b) => (a != null && b ? `${(a / b).toFixed(2)}×` : "–");
const row = (cells) => `| ${cells.join(" | ")} |`;
const table = (head, rows) => [row(head), row(head.map((_, i) => (i ? "---:" : "---"))), ...rows.map(row)].join("\n");
const lines = [];
const wall = (name, key) => samples[name].times.map((t) => t[key]);

const oursVisible = median(wall("ours", "visible"));
const fwVisible = median(wall("framework", "visible"));
const oursInteractive = median(wall("ours", "interactive"));
const fwInteractive = median(wall("framework", "interactive"));
lines.push(
  `# Load: every chart visible ${x(oursVisible, fwVisible)} Framework's (goal ≤ 0.3×), interactive ${x(oursInteractive, fwInteractive)} (goal ≤ 0.7×)`,
  "",
  `\`node bench/profile-load.js ${ourDist} --rounds ${rounds}\` (the worked example built by \`lesson build\`, as in the script's header), ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC, ` +
    `load average at start ${loadAtStart}, at the end ${loadavg().map((l) => l.toFixed(2)).join(", ")}; ${rounds} rounds, the pages alternated, each load a fresh Chromium profile. ` +
    "Wall times from untraced loads (median, min–max); CPU from traced loads (thread time, median per row, so a column's rows need not add up to its total).",
  "",
  "## Wall time from navigation (ms)",
  "",
  table(["", ...names.map((n) => systems[n].title), "ours / Framework"], [
    ["first byte (response start)", "firstByte"], ["HTML received (response end)", "htmlReceived"], ["first contentful paint", "fcp"], ["every chart visible", "visible"], ["interactive (a w change redrawn)", "interactive"],
    ["last response before visible", "lastResponse"], ["requests before visible", "requests"],
  ].map(([title, key]) => [title, ...names.map((n) => range(wall(n, key))), x(median(wall("ours", key)), median(wall("framework", key)))])),
);

const cpuTable = (window, names) => {
  const present = names.filter((n) => samples[n].cpu.some((s) => s.cpu[window]));
  /** The median over a system's traced loads of read(the window's figures, the load's times). */
  const value = (n, read) => median(samples[n].cpu.map((s) => (s.cpu[window] ? read(s.cpu[window], s.times) : null)));
  const wall = (times) => (window ? times.interactive - times.visible : times.visible);
  const rows = [
    ...CATEGORY_NAMES.map((category) => [category, (c) => c.byCategory[category]]),
    ["**total main-thread CPU**", (c) => Object.values(c.byCategory).reduce((a, b) => a + b, 0)],
    ["main thread running (wall; more than its CPU when it waited for a core)", (c) => c.busy],
    ["main thread idle (wall: waiting for the network, the browser, a frame)", (c, times) => wall(times) - c.busy],
    ["window (wall, traced loads)", (c, times) => wall(times)],
  ].map(([title, read]) => [title, ...present.map((n) => value(n, read))]);
  const withRatio = present.includes("ours") && present.includes("framework");
  const [ours, theirs] = ["ours", "framework"].map((n) => present.indexOf(n) + 1);
  return table(
    ["", ...present.map((n) => systems[n].title), ...(withRatio ? ["ours / Framework"] : [])],
    rows.map((r) => [r[0], ...r.slice(1).map(ms), ...(withRatio ? [x(r[ours], r[theirs])] : [])]),
  );
};
lines.push("", "## Main-thread CPU, navigation → every chart visible (ms)", "", cpuTable(0, names));
lines.push("", "## Main-thread CPU, visible → interactive (ms)", "", cpuTable(1, ["ours", "framework"]));

/** The largest keys of a per-load map (by median), each system's own. */
const topRows = (name, window, read, top) => {
  const keys = new Set(samples[name].cpu.flatMap((s) => Object.keys(s.cpu[window] ? read(s.cpu[window]) : {})));
  return [...keys]
    .map((key) => [key, median(samples[name].cpu.map((s) => (s.cpu[window] ? read(s.cpu[window])[key] ?? 0 : null)))])
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .filter(([, v]) => v >= 1);
};
for (const [window, title] of [[0, "navigation → every chart visible"], [1, "visible → interactive"]]) {
  lines.push("", `## Script run by chunk, ${title} (ms of CPU: the "script run" row above, split in the shares of V8's samples of JavaScript)`, "");
  for (const name of ["ours", "framework"]) {
    lines.push(`${systems[name].title}:`, "", table(["chunk", "ms"], topRows(name, window, (c) => c.byChunk, 10).map(([k, v]) => [k, ms(v)])), "");
  }
}
lines.push("## CPU of the whole browser, navigation → every chart visible (ms of thread time; 2 cores)", "");
{
  const rows = new Map();
  for (const name of names) for (const [key, v] of topRows(name, 0, (c) => c.others, 12)) rows.set(key, { ...rows.get(key), [name]: v });
  const ordered = [...rows].sort((a, b) => (b[1].ours ?? 0) - (a[1].ours ?? 0));
  lines.push(table(["process: thread", ...names.map((n) => systems[n].title)], ordered.map(([key, v]) => [key, ...names.map((n) => ms(v[n]))])));
}

const reading = values.out && existsSync(values.out) ? /\n## Reading\n[\s\S]*$/.exec(readFileSync(values.out, "utf8"))?.[0] : null;
const text = `${lines.join("\n")}\n${reading ?? "\n## Reading\n\n(hand-written: why the goals are missed, what it would take, what share is outside our code)\n"}`;
if (values.out) writeFileSync(values.out, text);
process.stdout.write(text);

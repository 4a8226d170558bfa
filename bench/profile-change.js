#!/usr/bin/env node
// Why a slider change misses its goal (issue 15): the full chapter's w change (DOM replaced in
// ≤ 8 ms median) and the worked example's α change on an idle page (≤ 0.8× Framework's). Chromium
// traces the changes the bench times (bench/lib/page.js: the Framework peer's probe, from the input
// event to the mutation that replaces the last dependent chart) with V8's sampling profiler; each
// sample inside a change's window is put in a place: a cell's own code (by lesson line), Plot, d3,
// htl, Inputs, Observable's runtime, live-lesson's runtime (by file), the DOM insertions and
// removals, style/layout and other native work, GC, the bench's own observer. The worked example is
// changed on our page and Framework's in turn, change by change, in one browser.
//   npm run bench -- --quick      # once: builds Framework's page (bench/peers/framework/dist)
//   npm run build                 # lib/, if src/ changed since
//   node bench/profile-change.js [--changes 40] [--sites <dir>] [--out bench/profiles/change.md]
// The script builds lessons/ and bench/lessons/ as `lesson build` does, plus hidden source maps
// (same chunks, same code) so samples in a bundle can be told by package and file, into `--sites`
// (default: <tmp>/live-lesson-profile-change), and reuses them there on the next run: remove the
// folder after changing lib/. The tables are written anew; the file's "## Reading" section is kept.
// Source maps are read with source-map-js (a devDependency; Vite also uses it, through postcss).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { loadavg, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import * as fw from "./peers/framework/measure.mjs";
import { findCells, findWindows, makePlacer, readSamples, splitWindows, toCpuProfile, withAncestors } from "./lib/changeWindows.js";
import { repoDir } from "./lib/ours.js";
import { sliderValue } from "./lib/page.js";
import { summarize } from "./lib/stats.js";

const { values } = parseArgs({ options: { changes: { type: "string", default: "40" }, warmup: { type: "string", default: "5" }, sites: { type: "string" }, out: { type: "string", default: join(repoDir, "bench/profiles/change.md") } } });
const changes = Number(values.changes);
const warmup = Number(values.warmup);
const loadAtStart = loadavg().map((l) => l.toFixed(2)).join(", ");
console.log(`load average at start: ${loadAtStart}`);
if (!existsSync(join(fw.DIST_DIR, "index.html"))) throw new Error(`no Framework page in ${fw.DIST_DIR}: run \`npm run bench -- --quick\` once`);

// The bench's charts: what a change waits for (bench/run.js for the chapter, the peer's for the worked example).
const CHAPTER_W = { label: "w", dependents: ['svg[aria-label^="The data points (1, 3)"]', 'svg[aria-label^="Loss curve L(w) with its tangent"]'] };

/** `lesson build` of `dir` with hidden source maps (the chunks are those of the bench's build). */
async function buildWithMaps(dir, outDir) {
  if (existsSync(join(outDir, "index.html"))) return;
  const { build } = await import("vite");
  const { lessonPlugin } = await import("../lib/vite/index.js");
  await build({
    configFile: false,
    logLevel: "warn",
    plugins: [lessonPlugin({ root: dir })],
    build: { outDir, emptyOutDir: true, sourcemap: "hidden", rolldownOptions: { checks: { bundlerTimings: false } } },
  });
}

const sites = values.sites ?? join(tmpdir(), "live-lesson-profile-change");
const chapterDist = join(sites, "chapter");
const workedDist = join(sites, "worked-example");
mkdirSync(sites, { recursive: true });
console.log(`building lessons/ and bench/lessons/ with source maps into ${sites} (kept for the next run)`);
await buildWithMaps(join(repoDir, "lessons"), chapterDist);
await buildWithMaps(join(repoDir, "bench/lessons"), workedDist);

/** Opens `url` in a new context of `browser`, with the bench's probes; resolves once every chart is drawn. */
async function openPage(browser, url, charts, { lesson }) {
  const page = await (await browser.newContext({ viewport: { width: 1000, height: 900 } })).newPage();
  await fw.installProbes(page, charts);
  await page.goto(url);
  await fw.waitForAllCharts(page, { timeout: 60000 });
  if (lesson) await page.evaluate(() => window.lesson.idle());
  await page.waitForTimeout(1000);
  return page;
}

/**
 * Changes run in turn on `pages` ({name: {page, slider, value}}), `warmup` then `changes` each,
 * traced: returns the trace events and the counted changes in the order they ran ({name, domMs}).
 */
async function traceChanges(browser, pages) {
  const runs = [];
  for (let i = 0; i < warmup; i++) for (const { page, slider, value } of Object.values(pages)) await fw.timeSliderChange(page, slider, value(i));
  const first = Object.values(pages)[0].page;
  await browser.startTracing(first, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel", "v8", "disabled-by-default-v8.cpu_profiler", "disabled-by-default-v8.gc"] });
  for (let i = warmup; i < warmup + changes; i++) {
    for (const [name, { page, slider, value }] of Object.entries(pages)) {
      const { domMs } = await fw.timeSliderChange(page, slider, value(i));
      runs.push({ name, domMs });
      // The bench's idle regime: the page sits idle while the others work.
      await page.waitForTimeout(100);
    }
  }
  const trace = JSON.parse((await browser.stopTracing()).toString());
  return { events: trace.traceEvents, runs };
}

/** The page module a site's cells live in: our entry chunk, or Framework's page (its inline module). */
function readEntry(dist, htmlFile, origin, system) {
  const html = readFileSync(join(dist, htmlFile), "utf8");
  const src = system === "framework" ? null : /<script type="module"[^>]* src="\.\/([^"]+)"/.exec(html)?.[1];
  if (system !== "framework" && !src) throw new Error(`${htmlFile} has no module script`);
  const text = src ? readFileSync(join(dist, src), "utf8") : html;
  const cells = findCells(text, system);
  // Read from the bundle's text: a new shape of the page module would leave every cell unnamed.
  if (!cells.length) throw new Error(`no cells found in ${src ?? htmlFile}: has the page module's shape changed? (bench/lib/changeWindows.js, findCells)`);
  return { url: src ? `${origin}/${src}` : `${origin}/`, text, cells };
}

/** The ids of the cells whose outputs hold `selectors` on the open page. */
async function findWaitedCells(page, selectors) {
  const ids = await page.evaluate((selectors) => selectors.map((s) => {
    const el = document.querySelector(s);
    if (el?.closest("[data-cell]")) return el.closest("[data-cell]").dataset.cell;
    // Framework marks a cell's output block with a comment <!--:id:-->.
    const block = el?.closest(".observablehq");
    const mark = [...(block?.childNodes ?? [])].find((n) => n.nodeType === Node.COMMENT_NODE && /^:\w+:$/.test(n.data));
    return mark ? mark.data.slice(1, -1) : null;
  }), selectors);
  if (ids.includes(null)) throw new Error(`no cell holds ${selectors[ids.indexOf(null)]}`);
  return ids;
}

/** The group a place belongs to in the first table. */
function groupOf(place) {
  if (place.startsWith("cell ")) return "the cells' own code";
  if (place.startsWith("live-lesson math/")) return "live-lesson/math (called by cells)";
  if (/^live-lesson |^live-lesson page module$/.test(place)) return "live-lesson's runtime (all its files)";
  if (/^(@observablehq\/plot|binary-search-bounds|interval-tree-1d)$/.test(place)) return "Plot";
  if (/^d3(-|$)/.test(place)) return "d3";
  if (place === "htl") return "htl";
  if (place === "@observablehq/inputs") return "Inputs";
  if (place === "@observablehq/runtime") return "Observable's runtime";
  if (/^Framework /.test(place)) return "Framework's client and stdlib";
  if (place === "isoformat" || place.startsWith("unmapped ")) return "other libraries";
  return place;
}

const ms = (us) => us / 1000;
const fmt = (value, digits = 2) => (value == null ? "–" : value.toFixed(digits));
const pct = (part, whole) => `${((100 * part) / whole).toFixed(1)} %`;

/**
 * Profiles one system's windows. Each category's time is its share of the samples (idle left out)
 * times the main thread's CPU in the windows: the split by sampling, the total by thread time, so
 * time the thread spent waiting for a core on a loaded machine counts nowhere.
 */
function analyse(events, samples, windows, site) {
  const placeOf = makePlacer(site);
  const split = splitWindows(events, samples, windows, placeOf);
  const cpuUs = split.traced.get("main thread, all tasks") ?? 0;
  const busy = [...split.byPlace].filter(([place]) => place !== "idle").reduce((sum, [, count]) => sum + count, 0);
  const toUs = (map) => new Map([...map].filter(([key]) => key !== "idle").map(([key, count]) => [key, (count * cpuUs) / busy]));
  const byPlace = toUs(split.byPlace);
  const byGroup = new Map();
  for (const [place, us] of byPlace) byGroup.set(groupOf(place), (byGroup.get(groupOf(place)) ?? 0) + us);
  const wallUs = split.samples.reduce((sum, s) => sum + s.us, 0);
  // The samples weighted as the tables are, for the profile of the windows: CPU, idle left out.
  const weighted = split.samples.map((s) => ({ stack: s.stack, us: s.stack[0]?.functionName === "(idle)" ? 0 : cpuUs / busy }));
  return { ...split, samples: weighted, placeOf, byPlace, byCell: toUs(split.byCell), byGroup, sampled: cpuUs, wallUs, count: busy, bench: summarize(windows.map((w) => w.domMs)), cpu: summarize(split.cpuPerWindow.map(ms)), n: windows.length, site };
}

/** The top functions of a system's windows, by bench/summarize-profile.js on a profile of them. */
function topFunctions(result, name) {
  const file = join(sites, `${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(toCpuProfile(result.samples, result.placeOf.original)));
  const out = execFileSync(process.execPath, [join(repoDir, "bench/summarize-profile.js"), file, "12"], { encoding: "utf8" });
  // The pages' origins change from run to run: a file reads the same without them.
  return out.replace(/http:\/\/127\.0\.0\.1:\d+\//g, "").trim();
}

/** Markdown table rows of a Map of µs, largest first, as ms per change and share of the sampled window. */
function rows(map, result, { label = (k) => k, top = 40 } = {}) {
  return [...map].sort((a, b) => b[1] - a[1]).slice(0, top).map(([key, us]) => `| ${label(key)} | ${fmt(ms(us) / result.n)} | ${pct(us, result.sampled)} |`);
}

/** The cells table: inclusive sampled time per cell, and whether the bench waits for it. */
function cellRows(result, waited, needed) {
  const cells = new Map(result.site.entry.cells.map((c) => [c.id, c]));
  const role = (id) => (waited.includes(id) ? "waited for" : needed.has(id) ? "feeds a waited chart" : "**not waited for**");
  const own = (id) => fmt(ms(result.byPlace.get(`cell ${id}`) ?? 0) / result.n);
  return rows(result.byCell, result, { label: (id) => `${cells.get(id)?.label.replace(/\|/g, "\\|") ?? id} | ${role(id)} | ${own(id)}` });
}

const notWaitedUs = (result, needed) => [...result.byCell].filter(([id]) => !needed.has(id)).reduce((sum, [, us]) => sum + us, 0);

const browser = await chromium.launch({ executablePath: fw.CHROMIUM, headless: true, args: fw.CHROMIUM_ARGS });
const servers = [];
const serve = async (dir) => {
  const server = await fw.serveDist(dir);
  servers.push(server);
  return server;
};
let chapter;
let worked;
try {
  // The full chapter, w: ours alone (the peers have the worked example only).
  console.log(`the chapter: ${warmup} + ${changes} w changes, traced`);
  const chapterServer = await serve(chapterDist);
  const chapterPage = await openPage(browser, `${chapterServer.origin}/derivatives-and-gradients.html`, CHAPTER_W.dependents, { lesson: true });
  const chapterSite = { dir: chapterDist, system: "ours", entry: readEntry(chapterDist, "derivatives-and-gradients.html", chapterServer.origin, "ours") };
  const chapterWaited = await findWaitedCells(chapterPage, CHAPTER_W.dependents);
  const chapterTrace = await traceChanges(browser, { chapter: { page: chapterPage, slider: CHAPTER_W, value: (i) => sliderValue("w", i) } });
  await chapterPage.context().close();
  chapter = analyse(chapterTrace.events, readSamples(chapterTrace.events), findWindows(chapterTrace.events, chapterTrace.runs), chapterSite);
  chapter.waited = chapterWaited;
  chapter.needed = withAncestors(chapterSite.entry.cells, chapterWaited);

  // The worked example, α, on an idle page: ours and Framework's in turn, change by change.
  console.log(`the worked example: ${warmup} + ${changes} α changes on each page, in turn, traced`);
  const ourServer = await serve(workedDist);
  const fwServer = await serve(fw.DIST_DIR);
  const sites = {
    ours: { dir: workedDist, system: "ours", entry: readEntry(workedDist, "worked-example.html", ourServer.origin, "ours") },
    framework: { dir: fw.DIST_DIR, system: "framework", entry: readEntry(fw.DIST_DIR, "index.html", fwServer.origin, "framework") },
  };
  const pages = {
    ours: { page: await openPage(browser, `${ourServer.origin}/worked-example.html`, fw.ALL_CHARTS, { lesson: true }), slider: "alpha", value: (i) => sliderValue("alpha", i) },
    framework: { page: await openPage(browser, fw.pageUrl(fwServer), fw.ALL_CHARTS, { lesson: false }), slider: "alpha", value: (i) => sliderValue("alpha", i) },
  };
  const waited = {};
  for (const [name, { page }] of Object.entries(pages)) waited[name] = await findWaitedCells(page, fw.SLIDERS.alpha.dependents);
  const workedTrace = await traceChanges(browser, pages);
  const samples = readSamples(workedTrace.events);
  const windows = findWindows(workedTrace.events, workedTrace.runs);
  worked = {};
  for (const name of Object.keys(pages)) {
    worked[name] = analyse(workedTrace.events, samples, windows.filter((w) => w.name === name), sites[name]);
    worked[name].waited = waited[name];
    worked[name].needed = withAncestors(sites[name].entry.cells, waited[name]);
  }
} finally {
  await browser.close();
  for (const server of servers) await server.close();
}

// ---- The report: tables from this run; the reading below them is kept from the file's last version.
const command = `node bench/profile-change.js${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(" ")}` : ""}`;
const runtimeFiles = (result) => new Map([...result.byPlace].filter(([place]) => groupOf(place) === "live-lesson's runtime (all its files)"));
const groupUs = (result, group) => result.byGroup.get(group) ?? 0;
const ourOverhead = (result) => groupUs(result, "live-lesson's runtime (all its files)");
const [ours, theirs] = [worked.ours, worked.framework];
const meanMs = (result) => ms(result.sampled) / result.n;
const traced = (result) => [...result.traced].map(([kind, us]) => `| ${kind} | ${fmt(ms(us) / result.n)} |`);

const groups = [...new Set([...ours.byGroup.keys(), ...theirs.byGroup.keys()])].sort((a, b) => groupUs(ours, b) + groupUs(theirs, b) - groupUs(ours, a) - groupUs(theirs, a));
const sideBySide = groups.map((g) => `| ${g} | ${fmt(ms(groupUs(ours, g)) / ours.n)} | ${pct(groupUs(ours, g), ours.sampled)} | ${fmt(ms(groupUs(theirs, g)) / theirs.n)} | ${pct(groupUs(theirs, g), theirs.sampled)} |`);
const boundUs = ours.sampled - ourOverhead(ours);
// Change i on our page and change i on Framework's ran back to back: their ratio sees the same load.
const paired = summarize(ours.cpuPerWindow.map((us, i) => us / theirs.cpuPerWindow[i]));

const previous = existsSync(values.out) ? readFileSync(values.out, "utf8") : "";
const reading = /\n## Reading\n[\s\S]*$/.exec(previous)?.[0] ?? "\n## Reading\n\n(To be written from the tables above.)\n";
const report = `# Slider changes: where the time of the change goals goes (issue 15)

Goals: on the full chapter a w change replaces the DOM in ≤ 8 ms median (**${fmt(chapter.bench.median, 1)} ms in this run**, its
main thread's CPU ${fmt(chapter.cpu.median, 1)} ms); the idle-page α slider on the worked example ≤ 0.8× Framework's (**${fmt(ours.bench.median / theirs.bench.median)}× in
this run**: ${fmt(ours.bench.median, 1)} vs ${fmt(theirs.bench.median, 1)} ms; by the main thread's CPU ${fmt(ours.cpu.median, 1)} vs ${fmt(theirs.cpu.median, 1)} ms, ${fmt(ours.cpu.median / theirs.cpu.median)}×). Medians of ${chapter.n} changes.

\`${command}\` on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, load average at start ${loadAtStart},
at the end ${loadavg().map((l) => l.toFixed(2)).join(", ")} (2 cores shared by other work).

Method: headless Chromium traces the changes the bench times: the Framework peer's probe (bench/lib/page.js),
from the input event to the mutation that replaces the last chart waited for; ${warmup} warm-up changes per
page are not counted, and the worked example's two pages are changed in turn, change by change, 100 ms apart
(the bench's idle regime). The total is the page's main-thread thread time (CPU) inside those windows, from
the trace's tasks; V8's sampling profiler (a sample every ~0.2 ms) splits it: each category gets its share of
the samples. A sample goes to the place of the JavaScript running, through the build's source maps; a native
call is a row of its own (DOM insertions/removals; layout reads from script; any other DOM or API call):
Chromium's work, whichever library asked for it. "Native, outside script" is Chromium work with no JavaScript
on the stack (microtask and task overhead, style, layout). "ms / change" is a mean over the changes. The samples' own wall time (which counts
waiting for a core) was ${fmt(ms(chapter.wallUs) / chapter.n)} ms per change on the chapter, ours ${fmt(ms(ours.wallUs) / ours.n)} and Framework's ${fmt(ms(theirs.wallUs) / theirs.n)} on the worked example.

## The full chapter: a w change (${chapter.n} changes)

The bench's figure (taken while traced): median ${fmt(chapter.bench.median, 1)} ms (min ${fmt(chapter.bench.min, 1)}, max ${fmt(chapter.bench.max, 1)}); main-thread CPU in the window:
median ${fmt(chapter.cpu.median, 1)} ms (min ${fmt(chapter.cpu.min, 1)}, max ${fmt(chapter.cpu.max, 1)}), mean ${fmt(meanMs(chapter))} ms, ${chapter.count} samples.

| where | ms / change | share |
|---|---:|---:|
${rows(chapter.byGroup, chapter).join("\n")}

Trace events inside the windows (thread time):

| event | ms / change |
|---|---:|
${traced(chapter).join("\n")}

live-lesson's runtime, by file:

| file | ms / change | share |
|---|---:|---:|
${rows(runtimeFiles(chapter), chapter).join("\n")}

Cells that ran inside the window ("in all": their own code and the Plot, d3, htl and math they call):

| cell (lesson line: code) | bench | own code, ms / change | in all, ms / change | share |
|---|---|---:|---:|---:|
${cellRows(chapter, chapter.waited, chapter.needed).join("\n")}

Cells the bench does not wait for (neither a waited chart nor a cell feeding one) but that ran before the
last waited chart was replaced: **${fmt(ms(notWaitedUs(chapter, chapter.needed)) / chapter.n)} ms per change, ${pct(notWaitedUs(chapter, chapter.needed), chapter.sampled)} of the window's CPU**.

Top functions (bench/summarize-profile.js on a profile of the windows' samples, weighted as the tables are; names
and files from the source maps; "ms" here is the sum over all ${chapter.n} changes):

\`\`\`
${topFunctions(chapter, "chapter-w")}
\`\`\`

## The worked example: an α change on an idle page, ours beside Framework's (${ours.n} changes each, in turn)

The bench's figure (taken while traced): ours median ${fmt(ours.bench.median, 1)} ms (min ${fmt(ours.bench.min, 1)}), Framework's ${fmt(theirs.bench.median, 1)} ms (min ${fmt(theirs.bench.min, 1)}):
**${fmt(ours.bench.median / theirs.bench.median)}×**. Main-thread CPU in the window, median: ours ${fmt(ours.cpu.median, 1)} ms, Framework's ${fmt(theirs.cpu.median, 1)} ms
(**${fmt(ours.cpu.median / theirs.cpu.median)}×**; the median of the ${paired.n} back-to-back pairs' ratios ${fmt(paired.median)}×); means ${fmt(meanMs(ours))} and ${fmt(meanMs(theirs))} ms. live-lesson's runtime is ${fmt(ms(ourOverhead(ours)) / ours.n)} ms of ours:
with it at zero, ours would be ${fmt(ms(boundUs) / ours.n)} ms of CPU, **${fmt(boundUs / ours.n / (theirs.sampled / theirs.n))}×** Framework's (the bound on the ratio from
our own overhead; the same cut from the bench's medians: ${fmt((ours.bench.median - ms(ourOverhead(ours)) / ours.n) / theirs.bench.median)}×).

| where | ours ms / change | ours share | Framework ms / change | Framework share |
|---|---:|---:|---:|---:|
${sideBySide.join("\n")}

Trace events inside the windows (thread time):

| event | ours ms / change | Framework ms / change |
|---|---:|---:|
${[...new Set([...ours.traced.keys(), ...theirs.traced.keys()])].map((k) => `| ${k} | ${fmt(ms(ours.traced.get(k) ?? 0) / ours.n)} | ${fmt(ms(theirs.traced.get(k) ?? 0) / theirs.n)} |`).join("\n")}

live-lesson's runtime on the worked example, by file:

| file | ms / change | share |
|---|---:|---:|
${rows(runtimeFiles(ours), ours).join("\n")}

Cells inside the window, ours:

| cell (lesson line: code) | bench | own code, ms / change | in all, ms / change | share |
|---|---|---:|---:|---:|
${cellRows(ours, ours.waited, ours.needed).join("\n")}

Cells inside the window, Framework's:

| cell (id: code) | bench | own code, ms / change | in all, ms / change | share |
|---|---|---:|---:|---:|
${cellRows(theirs, theirs.waited, theirs.needed).join("\n")}

Top functions, ours:

\`\`\`
${topFunctions(ours, "worked-alpha-ours")}
\`\`\`

Top functions, Framework's (its bundles have no source maps: files are its \`_npm/\` and \`_observablehq/\` modules):

\`\`\`
${topFunctions(theirs, "worked-alpha-framework")}
\`\`\`
${reading}`;
mkdirSync(join(values.out, ".."), { recursive: true });
writeFileSync(values.out, report);
console.log(`wrote ${relative(process.cwd(), values.out)}`);
console.log(`chapter w: bench median ${fmt(chapter.bench.median, 1)} ms; worked example α: ours ${fmt(ours.bench.median, 1)} ms, Framework ${fmt(theirs.bench.median, 1)} ms`);

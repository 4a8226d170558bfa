#!/usr/bin/env node
// `npm run bench [-- --quick]`: live-lesson against Observable Framework 1.13.4 and Notebook Kit
// 2.1.8 on the same page, in one run; writes BENCHMARKS.md, bench/results.json, bench/growth.svg.
// Not part of `npm test`: nothing here asserts on a timing. See BENCHMARKS.md for the method.
import { register } from "tsx/esm/api";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import * as fw from "./peers/framework/measure.mjs";
import * as nk from "./peers/notebook-kit/measure.mjs";
import { describeMachine } from "./lib/machine.js";
import { summarize } from "./lib/stats.js";
import { buildOurs, repoDir, scratchLessons, startDevServer } from "./lib/ours.js";
import { measureLoad, measureSliders, openForSliders } from "./lib/page.js";
import { measureCompile } from "./lib/compile.js";
import { measureEditRun, measureSaveToUpdate } from "./lib/authoring.js";
import { measureHiker } from "./lib/hiker.js";
import { measureTypeCheck } from "./lib/typecheck.js";
import { measureGrowthPage, writeGrowthLessons } from "./lib/growth.js";
import { renderGrowthChart } from "./lib/chart.js";
import { writeReport } from "./lib/report.js";

register();

const { values: args } = parseArgs({ options: { quick: { type: "boolean", default: false }, "skip-peer-builds": { type: "boolean", default: false }, only: { type: "string" } } });
const quick = args.quick;
const plan = quick
  ? { builds: 1, loads: 1, changes: 50, compileReps: 2, saves: 5, edits: 3, keystrokes: 20, firstEdits: 3, growth: [10, 100, 1000], growthCompileReps: 1, growthLoads: 1, growthChanges: 5, chapterLoads: 1, chapterChanges: 20, cells500Reps: 1 }
  : { builds: 3, loads: 4, changes: 100, compileReps: 7, saves: 15, edits: 10, keystrokes: 60, firstEdits: 5, growth: [10, 100, 1000], growthCompileReps: 3, growthLoads: 3, growthChanges: 30, chapterLoads: 3, chapterChanges: 50, cells500Reps: 5 };
const startedAt = new Date();
const t0 = performance.now();
const notes = [];
const log = (message) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${message}`);
const results = { plan, quick, notes };

const scratch = await mkdtemp(join(tmpdir(), "live-lesson-bench-out-"));
const ourDist = join(scratch, "worked-example-dist");
const chapterDist = join(scratch, "chapter-dist");
const benchLessons = join(repoDir, "bench/lessons");
const cleanups = [];

/** Runs one part of the bench; a failure is reported in BENCHMARKS.md and the run goes on. */
async function section(name, run) {
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      return await run();
    } catch (error) {
      const message = String(error?.message ?? error).split("\n")[0];
      log(`${name} failed (attempt ${attempt}): ${message}`);
      if (attempt === 2) notes.push(`${name} failed in this run (twice): ${message}`);
    }
  }
  return null;
}

// `--only typecheck`: the type checker's figures alone (a chapter build and one browser), merged into
// the last full run's bench/results.json, and BENCHMARKS.md written again from it.
if (args.only === "typecheck") {
  const loadAtStart = loadavg().map((l) => l.toFixed(2)).join(", ");
  try {
    log("cold build of the bundled lessons (lessons/)");
    await buildOurs(join(repoDir, "lessons"), chapterDist);
    const server = await fw.serveDist(chapterDist);
    try {
      log(`the type checker on the chapter (${plan.firstEdits} first edits, ${plan.keystrokes} keystrokes)`);
      const typecheck = await measureTypeCheck({ server, url: `${server.origin}/derivatives-and-gradients.html`, keystrokes: plan.keystrokes, samples: plan.firstEdits });
      console.log(JSON.stringify(typecheck, null, 2));
      const last = JSON.parse(await readFile(join(repoDir, "bench/results.json"), "utf8"));
      last.typecheck = typecheck;
      last.notes = [...(last.notes ?? []).filter((n) => !n.startsWith("The type checker's figures")), `The type checker's figures come from a later run (${new Date().toISOString()}, \`npm run bench -- --only typecheck${quick ? " --quick" : ""}\`, load average at start ${loadAtStart}, at the end ${loadavg().map((l) => l.toFixed(2)).join(", ")}); the rest from the run dated above.`];
      await writeFile(join(repoDir, "bench/results.json"), JSON.stringify(last, null, 2) + "\n");
      await writeReport(last, join(repoDir, "BENCHMARKS.md"));
    } finally {
      await server.close();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  process.exit(0);
}

try {
  results.machine = describeMachine(fw.CHROMIUM);
  log(`machine: ${results.machine.cpus}; ${results.machine.chromium}; ${quick ? "quick" : "full"} run`);

  // Peers: install + fill their offline npm caches (no network), then cold builds.
  const haveDists = existsSync(join(fw.DIST_DIR, "index.html")) && existsSync(join(nk.DIST_DIR, "index.html"));
  const skipNotebookKitBuild = (quick && haveDists) || args["skip-peer-builds"];
  const skipFrameworkBuild = args["skip-peer-builds"] && haveDists;
  log("preparing peers (npm ci if missing, fill the npm caches)");
  await nk.prepare();
  if (skipNotebookKitBuild) notes.push("Notebook Kit's cold build was skipped (--quick with an existing dist/): its build time is not in this run; its page was measured from the existing dist/.");
  if (skipFrameworkBuild) notes.push("Framework's cold build was skipped (--skip-peer-builds): its build time is not in this run.");

  // Ours with and without prerendering (`lesson build` prerenders by default); the prerendered
  // build is the one served below.
  const builds = { ours: [], oursNoPrerender: [], oursRebuild: [], framework: [], notebookKit: [] };
  for (let i = 0; i < plan.builds; i++) {
    log(`cold builds, round ${i + 1}/${plan.builds}`);
    builds.oursNoPrerender.push((await buildOurs(benchLessons, ourDist, { args: ["--no-prerender"] })).ms);
    builds.ours.push((await buildOurs(benchLessons, ourDist)).ms);
    // The same again, with the type check's answers the previous build kept: an author's rebuild.
    builds.oursRebuild.push((await buildOurs(benchLessons, ourDist, { keepTypeCache: true })).ms);
    if (!skipFrameworkBuild) builds.framework.push((await fw.buildFramework()).ms);
    if (!skipNotebookKitBuild) builds.notebookKit.push((await nk.buildNotebookKit()).ms);
  }
  results.builds = Object.fromEntries(Object.entries(builds).map(([k, v]) => [k, summarize(v)]));
  log("cold build of the bundled lessons (lessons/: the chapter and the authoring guide)");
  results.builds.chapterSite = summarize([(await buildOurs(join(repoDir, "lessons"), chapterDist)).ms]);

  // The same page in each system, served by the same static server.
  const servers = {
    ours: await fw.serveDist(ourDist),
    framework: await fw.serveDist(fw.DIST_DIR),
    notebookKit: await nk.serveDist(nk.DIST_DIR),
    chapter: await fw.serveDist(chapterDist),
  };
  cleanups.push(() => Promise.all(Object.values(servers).map((s) => s.close())));
  const urls = {
    ours: `${servers.ours.origin}/worked-example.html`,
    framework: fw.pageUrl(servers.framework),
    notebookKit: nk.pageUrl(servers.notebookKit),
  };
  const chapterUrl = `${servers.chapter.origin}/derivatives-and-gradients.html`;

  // Load: cold profile each time, systems interleaved.
  // Each load also gives the reader's figures (bench/lib/loadProbe.js): every chart visible, the
  // page interactive, the layout shift of the load.
  const loads = { ours: [], framework: [], notebookKit: [] };
  const probes = { ours: [], framework: [], notebookKit: [] };
  results.bytes = {};
  for (let i = 0; i < plan.loads; i++) {
    log(`page loads, round ${i + 1}/${plan.loads}`);
    for (const system of Object.keys(loads)) {
      const r = await measureLoad({ server: servers[system], url: urls[system], reps: 1, probe: true });
      loads[system].push(...r.times);
      probes[system].push(...r.probes);
      results.bytes[system] ??= r.bytes;
    }
  }
  results.loadProbe = Object.fromEntries(
    Object.entries(probes).map(([system, list]) => [
      system,
      {
        visible: summarize(list.map((p) => p.visibleMs)),
        interactive: summarize(list.map((p) => p.interactiveMs)),
        fcp: summarize(list.map((p) => p.fcpMs).filter((v) => v != null)),
        cls: summarize(list.map((p) => p.cls)),
        // What moved in the load with the largest shift (the elements the browser names).
        shifts: list.reduce((worst, p) => (p.cls > worst.cls ? p : worst), { cls: -1, shifts: [] }).shifts,
      },
    ]),
  );

  // Slider → every dependent chart redrawn, systems interleaved change by change.
  log(`sliders: ${plan.changes} changes per slider per system`);
  const pages = {};
  for (const system of Object.keys(urls)) {
    pages[system] = await openForSliders({ url: urls[system] });
    loads[system].push(pages[system].allDrawnMs);
  }
  results.load = Object.fromEntries(Object.entries(loads).map(([k, v]) => [k, summarize(v)]));
  try {
    results.sliders = await measureSliders(pages, { changes: plan.changes, regime: "idle" });
    log(`sliders, busy pages: ${plan.changes} back-to-back changes per slider per system`);
    results.slidersBusy = await measureSliders(pages, { changes: plan.changes, regime: "busy" });
  } finally {
    for (const { browser } of Object.values(pages)) await browser.close();
  }

  // The full chapter (ours only: the peers have the worked example alone).
  log("the full chapter: load, sliders");
  const chapterCharts = {
    w: { label: "w", dependents: ['svg[aria-label^="The data points (1, 3)"]', 'svg[aria-label^="Loss curve L(w) with its tangent"]'] },
    alpha: { label: "α (learning rate)", dependents: ['svg[aria-label^="Loss curve L(w) with its tangent"]', 'svg[aria-label^="Loss per step on a log scale"]'] },
  };
  results.chapter = await section("the chapter", async () => {
    const chapterLoad = await measureLoad({ server: servers.chapter, url: chapterUrl, selectors: "cells", reps: plan.chapterLoads });
    const chapterPage = await openForSliders({ url: chapterUrl, selectors: [...new Set(Object.values(chapterCharts).flatMap((s) => s.dependents))] });
    try {
      const sliders = (await measureSliders({ chapter: chapterPage }, { changes: plan.chapterChanges, sliderSpecs: { chapter: chapterCharts } })).chapter;
      return { load: chapterLoad.allDrawnMs, bytes: chapterLoad.bytes, sliders };
    } finally {
      await chapterPage.browser.close();
    }
  });

  // Compile, cold (a fresh process per figure) and warm, against markdown-it + KaTeX alone.
  log("compile: the worked example");
  results.compile = { workedExample: await section("compile (worked example)", () => measureCompile(join(benchLessons, "worked-example.md"), { reps: plan.compileReps })) };
  log("compile: the chapter");
  results.compile.chapter = await section("compile (chapter)", () => measureCompile(join(repoDir, "lessons/derivatives-and-gradients.md"), { reps: plan.compileReps }));

  // Growth: generated lessons (and the 500-cell lesson of the compile goal).
  const growthDir = await scratchLessons({});
  cleanups.push(() => rm(growthDir, { recursive: true, force: true }));
  const growthFiles = await writeGrowthLessons(growthDir, [...plan.growth, 500]);
  log("compile: a generated 500-cell lesson");
  results.compile.cells500 = await section("compile (500 cells)", () => measureCompile(growthFiles[500], { reps: plan.cells500Reps, baseline: true }));
  await rm(growthFiles[500]);
  results.growth = {};
  for (const n of plan.growth) {
    log(`growth: compile ${n} cells`);
    results.growth[n] = { compile: (await measureCompile(growthFiles[n], { reps: plan.growthCompileReps, warmRuns: 3, baseline: false })).ours };
  }
  // Each lesson built alone (prerendered, as `lesson build` does by default), so each size has its
  // build time; then its page: first frame showing every cell's output, every cell settled, slider.
  for (const n of plan.growth) {
    log(`growth: ${n} cells, cold build`);
    const dir = await scratchLessons({ [`growth-${n}.md`]: growthFiles[n] });
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const dist = join(scratch, `growth-${n}-dist`);
    const built = await buildOurs(dir, dist);
    results.growth[n].build = summarize([built.ms]);
    results.growth[n].prerendered = !/not prerendered/.test(built.output);
    if (!results.growth[n].prerendered) notes.push(`growth-${n}.md was not prerendered in this run (its load is the live page's): ${built.output.split("\n").find((l) => /not prerendered/.test(l))?.trim()}`);
    const server = await fw.serveDist(dist);
    cleanups.push(() => server.close());
    const url = `${server.origin}/growth-${n}.html`;
    log(`growth: ${n} cells, load and slider`);
    const loads = [];
    const shown = [];
    const slider = { dom: [], paint: [] };
    for (let i = 0; i < plan.growthLoads; i++) {
      const r = await measureGrowthPage({ url, changes: i === 0 ? plan.growthChanges : 0 });
      loads.push(r.loadMs);
      shown.push(r.shownMs);
      slider.dom.push(...r.dom);
      slider.paint.push(...r.paint);
    }
    results.growth[n].load = summarize(loads);
    results.growth[n].shown = summarize(shown);
    results.growth[n].slider = { dom: summarize(slider.dom), paint: summarize(slider.paint) };
  }
  const chartRows = plan.growth.flatMap((n) => [
    { cells: n, metric: "compile (cold)", ms: results.growth[n].compile.first.median },
    { cells: n, metric: "build", ms: results.growth[n].build.median },
    { cells: n, metric: "every output shown", ms: results.growth[n].shown?.median },
    { cells: n, metric: "load (settled)", ms: results.growth[n].load.median },
    { cells: n, metric: "slider (DOM)", ms: results.growth[n].slider.dom.median },
  ]);
  await renderGrowthChart(chartRows, join(repoDir, "bench/growth.svg"));

  // Authoring: a saved .md → the open dev page; an edit run in the page → its dependents.
  log(`authoring: save → page updated (${plan.saves} saves)`);
  const devDir = await scratchLessons({ "worked-example.md": join(benchLessons, "worked-example.md") });
  cleanups.push(() => rm(devDir, { recursive: true, force: true }));
  const dev = await startDevServer(devDir);
  try {
    results.save = await section("save → page updated", () => measureSaveToUpdate({ origin: dev.origin, dir: devDir, reps: plan.saves }));
  } finally {
    await dev.close();
  }
  log(`editing: edit run in the page (${plan.edits} runs)`);
  results.edit = await section("edit run in the page", () => measureEditRun({ url: urls.ours, reps: plan.edits }));

  log(`the type checker on the chapter (${plan.firstEdits} first edits, ${plan.keystrokes} keystrokes)`);
  results.typecheck = await section("the type checker", () => measureTypeCheck({ server: servers.chapter, url: chapterUrl, keystrokes: plan.keystrokes, samples: plan.firstEdits }));

  log("the Hiker: frames while three optimizers animate");
  results.hiker = await section("the Hiker", () => measureHiker({ url: chapterUrl }));

  results.durationS = (performance.now() - t0) / 1000;
  results.date = startedAt.toISOString();
  results.command = `npm run bench${quick ? " -- --quick" : ""}`;
  await writeFile(join(repoDir, "bench/results.json"), JSON.stringify(results, null, 2) + "\n");
  await writeReport(results, join(repoDir, "BENCHMARKS.md"));
  log(`done in ${results.durationS.toFixed(0)} s: BENCHMARKS.md, bench/results.json, bench/growth.svg`);
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  await rm(scratch, { recursive: true, force: true });
}

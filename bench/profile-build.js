#!/usr/bin/env node
// Why issue 15's compile and build goals are missed, by CPU: (a) the chapter's cold compile, ours
// beside markdown-it + KaTeX alone (the bench's baseline, bench/lib/compile-child.js), in fresh
// processes alternated, with `node --cpu-prof` self time by package and by file of our compiler;
// (b) the cold site build of bench/lessons as the bench runs it (bench/lib/ours.js), beside
// Observable Framework's build of the same page, with the CPU of every thread and child process
// (Linux /proc, bench/lib/threadCpu.js) and the main thread's sampled time by phase; and the floor
// a build cannot go under. Writes the tables as Markdown (bench/profiles/build.md is its output).
// Inputs: lib/ built and Framework's peer installed, as `npm run bench` leaves them, or by hand:
//   node scripts/buildPackage.js --quiet && sh bench/peers/framework/build.sh
//   node bench/profile-build.js [--pairs 10] [--builds 3] [--only compile|build] [--out bench/profiles/build.md]
// Figures are medians of runs alternated between the systems; CPU is robust to load, wall time not.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import * as fw from "./peers/framework/measure.mjs";
import { clearOurBuild, installedLesson, repoDir } from "./lib/ours.js";
import { placeOf, samplesOf, sumSamples } from "./lib/profile.js";
import { summarize } from "./lib/stats.js";
import { runWithThreadCpu } from "./lib/threadCpu.js";

const { values } = parseArgs({
  options: {
    pairs: { type: "string", default: "10" },
    builds: { type: "string", default: "3" },
    only: { type: "string" },
    out: { type: "string", default: join(repoDir, "bench/profiles/build.md") },
  },
});
const pairs = Number(values.pairs);
const builds = Number(values.builds);
const scratch = mkdtempSync(join(tmpdir(), "live-lesson-profile-build-"));
const chapter = join(repoDir, "lessons/derivatives-and-gradients.md");
const compileChild = fileURLToPath(new URL("lib/compile-child.js", import.meta.url));
const benchLessons = join(repoDir, "bench/lessons");
const load = () => loadavg().map((l) => l.toFixed(1)).join(" / ");
const median = (list) => summarize(list)?.median ?? 0;
const ms = (n) => Math.round(n).toLocaleString("en");
const log = (line) => console.error(`[profile-build] ${line}`);
const started = new Date();
const startLoad = load();
log(`load at start (1 / 5 / 15 min): ${startLoad} on ${cpus().length} CPUs`);

/** `node [--cpu-prof into a fresh folder] script args`, with its threads' CPU; the main thread's profile when asked. */
async function runNode(script, args, { cwd, env, profile = false }) {
  const dir = profile ? mkdtempSync(join(scratch, "prof-")) : undefined;
  const flags = dir ? ["--cpu-prof", `--cpu-prof-dir=${dir}`, "--cpu-prof-interval=250"] : [];
  const run = await runWithThreadCpu(process.execPath, [...flags, script, ...args], { cwd, env });
  if (dir) {
    // CPU.<date>.<time>.<pid>.<thread id>.<n>.cpuprofile: thread 0 is the main thread.
    const main = readdirSync(dir).find((name) => /\.\d+\.0\.\d+\.cpuprofile$/.test(name));
    run.profile = JSON.parse(readFileSync(join(dir, main), "utf8"));
  }
  return run;
}

// ---------------------------------------------------------------------------------------------
// (a) The chapter's cold compile.

const MARKDOWN_IT = /^(markdown-it|entities|linkify-it|mdurl|uc\.micro|punycode(\.js)?)$/;

/**
 * Where a sample is spent: GC, V8 outside JavaScript, Node's module loader, a file of our compiler
 * (a folder of the rest of ours), or a package; a native function (oxc's binding, a builtin)
 * counts for the script that called it.
 */
function placeOfSample(node) {
  const name = node.callFrame.functionName;
  if (name === "(idle)" || name === "(root)") return null;
  if (name === "(garbage collector)") return "GC (this thread)";
  if (name === "(program)") return "V8, no JS frame (program)";
  let frame = node;
  while (frame && !frame.callFrame.url) frame = frame.parentNode;
  const url = frame?.callFrame.url ?? "";
  if (url.startsWith("node:internal/modules/")) return "loading modules (Node's loader)";
  // Our front end's functions there only call oxc's binding (src/compile/cell/nativeFrontEnd.node.ts):
  // their self time is Rust's parse and the AST's JSON string, which V8 counts for the caller.
  if (url.endsWith("/nativeFrontEnd.node.js")) return "oxc-parser";
  const ours = /\/lib\/(compile\/.*)\.js$/.exec(url);
  if (ours) return `ours: ${ours[1]}`;
  const place = placeOf(url);
  if (MARKDOWN_IT.test(place)) return "markdown-it (and entities, linkify-it, mdurl…)";
  if (place === "acorn-walk") return "acorn-walk (our analyses' walks of the AST)";
  if (/acorn/.test(place)) return "acorn (and acorn-typescript)";
  return place;
}

async function profileCompile() {
  const runs = { ours: [], baseline: [] };
  const profiles = { ours: [], baseline: [] };
  for (let i = 0; i < pairs; i++) {
    log(`compile pair ${i + 1}/${pairs} (load ${load()})`);
    // Alternated, each side first in every other pair: a plain run (the figures), then a profiled one
    // (where the time goes; the profiler slows both sides).
    for (const profile of [false, true]) {
      for (const side of i % 2 ? ["baseline", "ours"] : ["ours", "baseline"]) {
        const run = await runNode(compileChild, [side, chapter, "0"], { cwd: repoDir, profile });
        const result = JSON.parse(run.output.trim().split("\n").at(-1));
        if (!profile) runs[side].push({ ...result, mainThread: run.threads.find((t) => t.tid === t.pid)?.cpuMs ?? 0 });
        else {
          const [from, to] = result.firstWindowUs;
          profiles[side].push({ first: sumSamples(samplesOf(run.profile, { from, to }), placeOfSample), whole: sumSamples(samplesOf(run.profile), placeOfSample) });
        }
      }
    }
  }
  return { runs, profiles };
}

function reportCompile({ runs, profiles }) {
  const figure = (side, key) => median(runs[side].map((r) => r[key]));
  const pairRatios = (key) => median(runs.ours.map((r, i) => r[key] / runs.baseline[i][key]));
  const ratio = (key) => (figure("ours", key) / figure("baseline", key)).toFixed(2);
  const lines = [
    `### (a) The chapter's cold compile: ours ${ratio("firstMs")}× markdown-it + KaTeX alone by wall time, ${ratio("firstCpuMs")}× by process CPU, ${ratio("firstThreadCpuMs")}× by main-thread CPU (ratios of the medians; goal ≤ 2×)`,
    "",
    `lessons/derivatives-and-gradients.md, ${pairs} pairs of fresh processes (bench/lib/compile-child.js: import, then the first compile, the goal's figure), the sides alternated; each pair once plain (the figures below) and once under \`node --cpu-prof --cpu-prof-interval=250\` (where the time goes).`,
    "",
    "| median of the plain runs | ours | markdown-it + KaTeX | ratio (median of pairs) |",
    "|---|--:|--:|--:|",
    ...[
      ["first compile, wall ms", "firstMs"],
      ["first compile, process CPU ms (all threads)", "firstCpuMs"],
      ["first compile, main thread CPU ms", "firstThreadCpuMs"],
      ["import, wall ms", "importMs"],
      ["whole process CPU ms (start, import, first compile)", "processCpuMs"],
      ["whole process, main thread CPU ms", "mainThread"],
    ].map(([label, key]) => `| ${label} | ${ms(figure("ours", key))} | ${ms(figure("baseline", key))} | ${pairRatios(key).toFixed(2)}× |`),
    "",
    "The main thread's CPU (median of the plain runs) shared out by its self time in the profiled runs (pooled), by package (a native function counts for its caller's) and by file of our compiler, ms:",
    "",
    "| where | ours: first compile | baseline: first compile | ours: whole process | baseline: whole process |",
    "|---|--:|--:|--:|--:|",
  ];
  const cpuOf = { first: "firstThreadCpuMs", whole: "mainThread" };
  const columns = [["ours", "first"], ["baseline", "first"], ["ours", "whole"], ["baseline", "whole"]].map(([side, part]) => {
    const shares = sharesOf(profiles[side].map((p) => p[part]));
    return (key) => (shares.get(key) ?? 0) * figure(side, cpuOf[part]);
  });
  const keys = new Set(["ours", "baseline"].flatMap((side) => profiles[side].flatMap((p) => [...p.first.keys(), ...p.whole.keys()])));
  const rows = [...keys].map((key) => [key, ...columns.map((column) => column(key))]);
  rows.sort((a, b) => b[1] - a[1] || b[3] - a[3]);
  const shown = rows.filter((row) => Math.max(...row.slice(1)) >= 2);
  for (const row of shown) lines.push(`| ${row[0]} | ${row.slice(1).map(ms).join(" | ")} |`);
  const rest = rows.filter((row) => !shown.includes(row));
  if (rest.length) lines.push(`| ${rest.length} other places under 2 ms each | ${[1, 2, 3, 4].map((i) => ms(rest.reduce((sum, row) => sum + row[i], 0))).join(" | ")} |`);
  lines.push("", ...readCompile(rows, figure));
  return lines;
}

/** The plain reading of the compile's tables: what the goal asks, where ours differs, whose code it is. */
function readCompile(rows, figure) {
  const group = (test, column = 1) => rows.filter(([key]) => test(key)).reduce((sum, row) => sum + row[column], 0);
  const isShared = (key) => key === "katex" || key.startsWith("markdown-it");
  const isGc = (key) => key.startsWith("GC");
  const isFrontEnd = (key) => key === "oxc-parser" || key.startsWith("acorn") || key.startsWith("ours: compile/cell/");
  const isHighlight = (key) => key === "highlight.js" || key.startsWith("ours: compile/highlight/");
  const isOurs = (key) => key.startsWith("ours:") || key.startsWith("live-lesson");
  const ours = figure("ours", "firstThreadCpuMs");
  const baseline = figure("baseline", "firstThreadCpuMs");
  const extra = ours - group(isShared) - group(isGc);
  return [
    `**Reading.** By the main thread's CPU the first compile is ${ms(ours)} ms against the baseline's ${ms(baseline)} ms (${(ours / baseline).toFixed(2)}×): the goal asks ≤ ${ms(2 * baseline)} ms, ${ours > 2 * baseline ? `${ms(ours - 2 * baseline)} ms less` : "which it meets"}.`,
    `The work both do (KaTeX, markdown-it) is ${ms(group(isShared))} ms in ours against ${ms(group(isShared, 2))} ms in the baseline; GC ${ms(group(isGc))} against ${ms(group(isGc, 2))} ms.`,
    `The rest, ${ms(extra)} ms, is ours alone: the cells' front end (oxc-parser's parse and AST, acorn-walk's walks, compile/cell/*) ${ms(group(isFrontEnd))} ms, highlighting the listings (highlight.js for the Python one, compile/highlight/*) ${ms(group(isHighlight))} ms, YAML ${ms(group((key) => key === "yaml"))} ms, the other ours ${ms(group((key) => isOurs(key) && !isFrontEnd(key) && !isHighlight(key)))} ms.`,
    `Of those ${ms(extra)} ms, ${ms(group((key) => !isShared(key) && !isGc(key) && !isOurs(key)))} ms run in packages (oxc-parser, acorn, highlight.js, yaml) and ${ms(group(isOurs))} ms in our files; the process's other threads (V8's GC and compilers) add ${ms(figure("ours", "firstCpuMs") - ours)} ms against ${ms(figure("baseline", "firstCpuMs") - baseline)} ms.`,
  ];
}

// ---------------------------------------------------------------------------------------------
// (b) The cold site build.

const SYSTEMS = {
  ours: { label: "live-lesson `lesson build`", args: [] },
  oursNoPrerender: { label: "live-lesson `lesson build --no-prerender`", args: ["--no-prerender"] },
  framework: { label: "Framework `observable build`" },
};

/** One cold build of `system`, as the bench runs it (Framework's without `unshare -rn`: its filled cache needs no network). */
async function buildOnce(system, profile) {
  if (system === "framework") {
    await fw.clearFrameworkBuild();
    return runNode(fw.OBSERVABLE_BIN, ["build"], { cwd: fw.FRAMEWORK_DIR, env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true" }, profile });
  }
  const outDir = join(scratch, "dist");
  await clearOurBuild(outDir);
  return runNode(installedLesson, ["build", benchLessons, "--out", outDir, ...SYSTEMS[system].args], { cwd: repoDir, profile });
}

/**
 * A build's threads in groups: the main thread; the threads Node starts with its process (V8's GC
 * and compiler threads: the first ones seen after the main thread, all at once); worker_threads
 * (later threads of ≥ 200 ms: in ours the first is the type check's, the others prerender lessons);
 * Rolldown's threads; other threads (libuv's pool); and child processes (Framework's esbuild).
 */
function groupThreads(system, threads) {
  const own = threads.filter((t) => t.root && t.tid !== t.pid);
  const startup = Math.min(...own.map((t) => t.firstSeenMs));
  const workers = own
    .filter((t) => t.name === "node" && t.firstSeenMs > startup && t.cpuMs >= 200)
    .sort((a, b) => a.firstSeenMs - b.firstSeenMs);
  const groups = new Map();
  const add = (group, cpuMs) => groups.set(group, (groups.get(group) ?? 0) + cpuMs);
  for (const t of threads) {
    if (!t.root) add(`child process: ${t.name}`, t.cpuMs);
    else if (t.tid === t.pid) add("main thread", t.cpuMs);
    else if (t.name.startsWith("rolldown")) add("Rolldown's threads (bundle)", t.cpuMs);
    else if (t.firstSeenMs === startup) add("V8's threads (GC, JIT compilers)", t.cpuMs);
    else if (workers.includes(t)) add(system === "framework" ? "worker threads" : t === workers[0] ? "type-check worker thread" : "prerender worker threads", t.cpuMs);
    else add("other threads (libuv pool)", t.cpuMs);
  }
  return groups;
}

const FRAMEWORK_DIST = /@observablehq\/framework\/dist\//;
/** A script's phase of a build, or null when the script says nothing of it (a caller up the stack may). */
function phaseOfUrl(url) {
  if (!url) return null;
  if (url.startsWith("node:fs") || url.startsWith("node:internal/fs/")) return "read & write files";
  if (url.startsWith("node:internal/modules/")) return "loading modules (Node's loader)";
  if (/\/lib\/(check|typecheck)\/|node_modules\/typescript\//.test(url)) return "type check & lint";
  if (/\/lib\/run\/|\/lib\/vite\/prerenderSite/.test(url)) return "prerender";
  if (/\/lib\/(compile|site)\/|node_modules\/(markdown-it|katex|highlight\.js|oxc-parser|@oxc-parser\/[^/]+|yaml|gray-matter|js-yaml)\//.test(url)) return "compile (Markdown → pages)";
  if (FRAMEWORK_DIST.test(url) && /dist\/(markdown|frontMatter|html|render|tag|javascript\/)/.test(url)) return "compile (Markdown → pages)";
  if (FRAMEWORK_DIST.test(url) && /dist\/(npm|jsr|node|resolvers|libraries|duckdb)\.js/.test(url)) return "resolve imports (npm cache)";
  if (/node_modules\/(vite|rolldown|@rolldown\/[^/]+|rollup|@rollup\/[^/]+|esbuild|rollup-plugin-esbuild|lightningcss|terser)\//.test(url) || /\/lib\/vite\//.test(url)) return "bundle & minify";
  if (FRAMEWORK_DIST.test(url) && /dist\/(rollup|build)\.js/.test(url)) return "bundle & minify";
  return null;
}

/** A main-thread sample's phase: the first frame from the leaf up whose script names one. */
function buildPhase(node) {
  const name = node.callFrame.functionName;
  if (name === "(idle)" || name === "(root)") return null;
  if (name === "(garbage collector)") return "GC (this thread)";
  if (name === "(program)") return "V8, no JS frame (program)";
  for (let frame = node; frame; frame = frame.parentNode) {
    const phase = phaseOfUrl(frame.callFrame.url);
    if (phase) return phase;
  }
  return "other (Node start, CLI, config)";
}

async function profileBuilds() {
  // Framework's _npm cache filled from its node_modules, as `npm run bench` does: its build then
  // fetches nothing (it stands for packages downloaded once).
  await fw.prepare();
  const runs = Object.fromEntries(Object.keys(SYSTEMS).map((system) => [system, []]));
  for (let i = 0; i < builds; i++) {
    // Each round: every system once unprofiled (its CPU and wall time), then once under the profiler
    // (its main thread's phases).
    for (const profile of [false, true]) {
      for (const system of Object.keys(SYSTEMS)) {
        log(`build round ${i + 1}/${builds}, ${system}${profile ? ", profiled" : ""} (load ${load()})`);
        const run = await buildOnce(system, profile);
        const groups = groupThreads(system, run.threads);
        runs[system].push({
          profiled: profile,
          wallMs: run.wallMs,
          cpuMs: [...groups.values()].reduce((a, b) => a + b, 0),
          groups,
          phases: profile ? sumSamples(samplesOf(run.profile), buildPhase) : undefined,
          places: profile ? sumSamples(samplesOf(run.profile), placeOfSample) : undefined,
        });
      }
    }
  }
  return runs;
}

/** Node's start and what each build loads before it does any work, by process CPU (median of 5). */
async function measureFloors() {
  const floors = [
    ["Node starts and exits", ["-e", "0"], repoDir],
    ["Node + import Vite (Rolldown's binding included)", ["--input-type=module", "-e", "await import('vite')"], repoDir],
    ["Node + import `lesson`'s CLI and the build's modules", ["--input-type=module", "-e", "await import('./lib/cli/main.js'); await import('./lib/vite/index.js'); await import('vite')"], repoDir],
    ["Node + import Framework's build (Rollup, esbuild's API)", ["--input-type=module", "-e", "await import('@observablehq/framework/dist/build.js')"], fw.FRAMEWORK_DIR],
  ];
  const rows = [];
  for (const [label, args, cwd] of floors) {
    const cpu = [];
    for (let i = 0; i < 5; i++) {
      const run = await runWithThreadCpu(process.execPath, args, { cwd });
      cpu.push(run.threads.reduce((sum, t) => sum + t.cpuMs, 0));
    }
    rows.push([label, median(cpu)]);
  }
  return rows;
}

/** Each key's share of the sampled time of several runs' sums (sampled time is not CPU under load: only shares are used). */
function sharesOf(sumsOfRuns) {
  const sums = new Map();
  for (const run of sumsOfRuns) for (const [key, t] of run) sums.set(key, (sums.get(key) ?? 0) + t);
  const total = [...sums.values()].reduce((a, b) => a + b, 0);
  return new Map([...sums].map(([key, t]) => [key, t / total]));
}

function reportBuilds(runs, floors) {
  const systems = Object.keys(SYSTEMS);
  const plain = (system) => runs[system].filter((r) => !r.profiled);
  const profiled = (system) => runs[system].filter((r) => r.profiled);
  const figure = (system, key) => median(plain(system).map((r) => r[key]));
  const group = (system, name) => median(plain(system).map((r) => r.groups.get(name) ?? 0));
  // A group some run had but whose median is nothing (a late thread of ≥ 200 ms in one run) is left out.
  const groupNames = [...new Set(systems.flatMap((s) => runs[s].flatMap((r) => [...r.groups.keys()])))].filter((name) => systems.some((s) => group(s, name) > 0));
  const header = `| | ${systems.map((s) => SYSTEMS[s].label).join(" | ")} |`;
  const rule = `|---|${systems.map(() => "--:").join("|")}|`;
  const fwCpu = figure("framework", "cpuMs");
  const lines = [
    `### (b) The cold site build: ours ${(figure("ours", "wallMs") / figure("framework", "wallMs")).toFixed(2)}× Framework's by wall time, ${(figure("ours", "cpuMs") / fwCpu).toFixed(2)}× by CPU (ratios of the medians; goal ≤ 0.3×)`,
    "",
    `bench/lessons (the worked example) for ours, bench/peers/framework/src (the same page) for Framework, built as the bench builds them (bench/lib/ours.js, bench/peers/framework/measure.mjs; Framework's without \`unshare -rn\`, its filled cache fetches nothing); ${builds} rounds, each every system once unprofiled, then once under \`node --cpu-prof\`; medians of the unprofiled runs. CPU is every thread's and every child process's, read from /proc every 50 ms (bench/lib/threadCpu.js; a thread's last 50 ms may be missed).`,
    "",
    `| median of ${builds} cold builds, ms | ${systems.map((s) => SYSTEMS[s].label).join(" | ")} |`,
    rule,
    `| wall | ${systems.map((s) => ms(figure(s, "wallMs"))).join(" | ")} |`,
    `| **CPU, all threads and child processes** | ${systems.map((s) => `**${ms(figure(s, "cpuMs"))}** (${(figure(s, "cpuMs") / fwCpu).toFixed(2)}×)`).join(" | ")} |`,
    ...groupNames.map((name) => `| ${name} | ${systems.map((s) => ms(group(s, name))).join(" | ")} |`),
    "",
    "By phase, ms of CPU: the main thread's CPU shared out by its sampled time per phase (profiled runs: the first frame from the leaf up whose script tells the phase), plus each thread group's CPU where a group does one phase:",
    "",
    header,
    rule,
  ];
  // Each system's main-thread share per phase, from its profiled runs, applied to its unprofiled main-thread CPU.
  const phaseShares = Object.fromEntries(systems.map((system) => [system, sharesOf(profiled(system).map((r) => r.phases))]));
  const byPhase = Object.fromEntries(systems.map((system) => {
    const phases = new Map([...phaseShares[system]].map(([phase, share]) => [`${phase}, main thread`, share * group(system, "main thread")]));
    for (const name of groupNames) if (name !== "main thread") phases.set(name, group(system, name));
    return [system, phases];
  }));
  const phaseNames = [...new Set(systems.flatMap((s) => [...byPhase[s].keys()]))].sort((a, b) => (byPhase.ours.get(b) ?? 0) - (byPhase.ours.get(a) ?? 0));
  for (const phase of phaseNames) lines.push(`| ${phase} | ${systems.map((s) => ms(byPhase[s].get(phase) ?? 0)).join(" | ")} |`);
  lines.push("", "The main thread's CPU by package, shared out as the phases are (ms):", "", header, rule);
  const placeShares = Object.fromEntries(systems.map((system) => [system, sharesOf(profiled(system).map((r) => r.places))]));
  const place = (system, key) => (placeShares[system].get(key) ?? 0) * group(system, "main thread");
  const places = [...new Set(systems.flatMap((s) => profiled(s).flatMap((r) => [...r.places.keys()])))]
    .map((key) => [key, systems.map((s) => place(s, key))])
    .filter(([, row]) => Math.max(...row) >= 40)
    .sort((a, b) => Math.max(...b[1]) - Math.max(...a[1]));
  for (const [key, row] of places) lines.push(`| ${key} | ${row.map(ms).join(" | ")} |`);
  lines.push("", "The floor: what a build pays before it does any work (process CPU, all threads, median of 5), ms:", "", "| | CPU |", "|---|--:|");
  for (const [label, cpu] of floors) lines.push(`| ${label} | ${ms(cpu)} |`);
  lines.push("", ...readBuilds({ figure, group, byPhase, floors }));
  return lines;
}

/** The plain reading of the build's tables: what the goal asks, where ours goes, whose code it is. */
function readBuilds({ figure, group, byPhase, floors }) {
  const fwCpu = figure("framework", "cpuMs");
  const ours = figure("ours", "cpuMs");
  const share = (part, whole = ours) => `${Math.round((part / whole) * 100)} %`;
  const prerender = group("ours", "prerender worker threads");
  const typeCheck = group("ours", "type-check worker thread");
  const rolldown = group("ours", "Rolldown's threads (bundle)");
  const main = group("ours", "main thread");
  const phase = (system, name) => byPhase[system].get(`${name}, main thread`) ?? 0;
  const ourFloor = floors.find(([label]) => label.includes("`lesson`"))[1];
  const fwFloor = floors.find(([label]) => label.includes("Framework"))[1];
  const noPrerender = figure("oursNoPrerender", "cpuMs");
  return [
    `**Reading.** Ours takes ${ms(ours)} ms of CPU against Framework's ${ms(fwCpu)} ms (${(ours / fwCpu).toFixed(2)}×; ${(noPrerender / fwCpu).toFixed(2)}× with --no-prerender); 0.3× would be ${ms(0.3 * fwCpu)} ms.`,
    `Where ours goes: the prerender's workers ${ms(prerender)} ms (${share(prerender)}), Rolldown's threads ${ms(rolldown)} ms (${share(rolldown)}), the type-check worker ${ms(typeCheck)} ms (${share(typeCheck)}), the main thread ${ms(main)} ms (${share(main)}: bundling ${ms(phase("ours", "bundle & minify"))}, loading modules ${ms(phase("ours", "loading modules (Node's loader)"))}, V8 outside JS ${ms(phase("ours", "V8, no JS frame (program)"))}, compiling the lessons ${ms(phase("ours", "compile (Markdown → pages)"))}).`,
    `Framework's main thread (${ms(group("framework", "main thread"))} ms) goes to compiling its page with its npm imports parsed by acorn (${ms(phase("framework", "compile (Markdown → pages)"))}), loading modules (${ms(phase("framework", "loading modules (Node's loader)"))}), Rollup (${ms(phase("framework", "bundle & minify"))}) and GC (${ms(phase("framework", "GC (this thread)"))}); esbuild's process ${ms(group("framework", "child process: esbuild"))} ms.`,
    `The floor: Node with our CLI and the build's modules loaded is ${ms(ourFloor)} ms of CPU before any work (${share(ourFloor, fwCpu)} of Framework's whole build; Framework's own load is ${ms(fwFloor)} ms), so 0.3× leaves ${ms(0.3 * fwCpu - ourFloor)} ms for compiling, checking, bundling and prerendering; ours spends ${ms(ours - ourFloor)} ms on them.`,
    `What it would take: without the type-check and prerender workers ours would still be ${ms(ours - typeCheck - prerender)} ms (${((ours - typeCheck - prerender) / fwCpu).toFixed(2)}×); the floor plus Rolldown's threads alone is ${ms(ourFloor + rolldown)} ms (${((ourFloor + rolldown) / fwCpu).toFixed(2)}×), so 0.3× needs the libraries' chunks (CodeMirror, TypeScript's worker, Plot, d3, KaTeX) bundled once, not per build, as well as the checks off the build's path.`,
    `Outside our code: Rolldown and Vite (${ms(rolldown + phase("ours", "bundle & minify"))} ms, with our plugin's hooks), TypeScript in the type-check worker (${ms(typeCheck)} ms), the prerender's worker (happy-dom, Plot, d3 and the lesson's cells, ${ms(prerender)} ms; not profiled: the build terminates it, so it writes no profile), Node's module loading and V8 on the main thread (${ms(phase("ours", "loading modules (Node's loader)") + phase("ours", "V8, no JS frame (program)") + phase("ours", "GC (this thread)"))} ms) and V8's own threads (${ms(group("ours", "V8's threads (GC, JIT compilers)"))} ms, against Framework's ${ms(group("framework", "V8's threads (GC, JIT compilers)"))} ms).`,
  ];
}

// ---------------------------------------------------------------------------------------------

const sections = [];
try {
  if (values.only !== "build") {
    sections.push(...reportCompile(await profileCompile()), "");
  }
  if (values.only !== "compile") {
    const runs = await profileBuilds();
    log(`floors (load ${load()})`);
    sections.push(...reportBuilds(runs, await measureFloors()), "");
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const command = `node bench/profile-build.js --pairs ${pairs} --builds ${builds}${values.only ? ` --only ${values.only}` : ""}`;
const markdown = [
  "## Profile: issue 15's cold compile (goal ≤ 2× markdown-it + KaTeX) and cold site build (goal ≤ 0.3× Framework's)",
  "",
  `\`${command}\` on ${started.toISOString().slice(0, 16).replace("T", " ")} UTC, load ${startLoad} (1 / 5 / 15 min) at the start and ${load()} at the end, ${cpus().length} CPUs.`,
  "",
  ...sections,
].join("\n");
writeFileSync(values.out, `${markdown}\n`);
log(`wrote ${relative(process.cwd(), values.out)}`);

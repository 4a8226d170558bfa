#!/usr/bin/env node
// Where the page's type checker spends its first edit (issue 17), from a Chromium trace of the
// bench's reader (bench/lib/typecheck.js): the cursor goes in the `steps` cell, `x` comes 1000 ms
// later. Prints the worker thread's CPU up to the first answer (thread time: robust to load, unlike
// wall time) and its sampled time by phase, and writes the worker's CPU profile beside the trace
// (for bench/summarize-profile.js):
//   node bin/lesson.js build lessons --out /tmp/chapter-dist --no-prerender
//   node bench/profile-typecheck.js /tmp/chapter-dist [--named] [--out /tmp/checker]
// `--named` serves a copy of the site whose TypeScript is its unminified script (same file name), so
// the profile names TypeScript's functions and the phases can be told apart; its script compile is
// then that of 9 MB instead of 3.5 MB.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import * as fw from "./peers/framework/measure.mjs";
import { openStepsEditor, putCursorIn, readingMs } from "./lib/typecheck.js";
import { cpuProfileOf, namesOf, threadOf } from "./lib/trace.js";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { named: { type: "boolean" }, out: { type: "string" } } });
const [dist] = positionals;
if (!dist) {
  console.error("usage: node bench/profile-typecheck.js <built site> [--named] [--out <prefix>]");
  process.exit(2);
}
const out = values.out ?? join(tmpdir(), "live-lesson-checker");

/** A copy of the site with TypeScript's own unminified script in place of the minified one. */
function withNamedTypeScript(site) {
  const copy = mkdtempSync(join(tmpdir(), "live-lesson-named-"));
  cpSync(site, copy, { recursive: true });
  const asset = readdirSync(join(copy, "assets")).find((name) => /^typescript-[^/]*\.js$/.test(name));
  if (!asset) throw new Error(`${site} has no assets/typescript-*.js: is it a built site with the type checker?`);
  const script = readFileSync(createRequire(import.meta.url).resolve("typescript"), "utf8");
  writeFileSync(join(copy, "assets", asset), `${script.replace(/^\/\/# sourceMappingURL=.*$/m, "")}\nexport default ts;\n`);
  return copy;
}

const site = values.named ? withNamedTypeScript(dist) : dist;
const server = await fw.serveDist(site);
const browser = await chromium.launch({ executablePath: fw.CHROMIUM, headless: true, args: fw.CHROMIUM_ARGS });
let trace;
try {
  const page = await (await browser.newContext({ viewport: { width: 1000, height: 900 } })).newPage();
  await page.goto(`${server.origin}/derivatives-and-gradients.html`);
  await page.waitForFunction(() => window.lesson && true, null, { timeout: 60000 });
  await page.evaluate(() => window.lesson.idle());
  const selector = await openStepsEditor(page);
  await page.waitForTimeout(500);
  await browser.startTracing(page, { categories: ["toplevel", "devtools.timeline", "blink.user_timing", "disabled-by-default-v8.cpu_profiler"] });
  // Marks in the trace: the click, the keydown of `x`, the checker's first answer.
  await page.evaluate(() => {
    performance.mark("checker-click");
    let typed = false;
    let answered = false;
    window.addEventListener("keydown", (e) => {
      if (e.key !== "x" || typed) return;
      typed = true;
      performance.mark("checker-keydown");
    }, true);
    document.addEventListener("live-lesson:types-checked", () => {
      if (!typed || answered) return;
      answered = true;
      performance.mark("checker-answer");
    }, true);
  });
  await putCursorIn(page, selector);
  await page.waitForTimeout(readingMs);
  await page.keyboard.press("x");
  await page.waitForFunction(() => performance.getEntriesByName("checker-answer").length > 0, null, { timeout: 180000 });
  trace = JSON.parse((await browser.stopTracing()).toString());
} finally {
  await browser.close();
  await server.close();
  if (site !== dist) rmSync(site, { recursive: true, force: true });
}
writeFileSync(`${out}.trace.json`, JSON.stringify(trace));

const events = trace.traceEvents;
const names = namesOf(events).threads;
const markAt = (name) => events.find((e) => e.name === name)?.ts;
const [click, keydown, answer] = ["checker-click", "checker-keydown", "checker-answer"].map(markAt);
if (answer === undefined) throw new Error("the trace has no answer of the checker");
// The page may run other workers (the runtime's loop guard…): the checker's is the dedicated worker
// that was busiest between the click and the answer.
const workerCpu = new Map();
for (const e of events) {
  const thread = threadOf(e);
  if (e.ph !== "X" || e.name !== "ThreadControllerImpl::RunTask" || names.get(thread) !== "DedicatedWorker thread" || e.ts < click || e.ts > answer) continue;
  workerCpu.set(thread, (workerCpu.get(thread) ?? 0) + (e.tdur ?? 0) / 1000);
}
const [worker, cpu] = [...workerCpu].sort((a, b) => b[1] - a[1])[0] ?? [];
if (!worker) throw new Error("the trace has no dedicated worker busy between the click and the answer");
if (workerCpu.size > 1) console.log(`dedicated workers busy from the click to the answer (ms of CPU): ${[...workerCpu].map(([t, ms]) => `${t} ${ms.toFixed(0)}`).join(", ")}; profiling the busiest`);

// The worker's CPU profile, from its chunks in the trace.
const profile = cpuProfileOf(events, worker);
if (!profile) throw new Error("the trace has no CPU profile of the checker's worker");
const { samples, timeDeltas, startTime } = profile;
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children) parent.set(child, node.id);
writeFileSync(`${out}.worker.cpuprofile`, JSON.stringify(profile));

// Sampled time up to the first answer, by phase: the first function on the stack that names one.
const phases = [
  ["TypeScript: parsing doc comments (JSDoc)", /^parseJSDocComment$/],
  ["TypeScript: parsing", /^(createSourceFile|updateSourceFile|updateLanguageServiceSourceFile)$/],
  ["TypeScript: binding", /^bindSourceFile$/],
  ["TypeScript: checking", /^(getRegionSemanticDiagnostics|getSemanticDiagnostics|getSyntacticDiagnostics)$/],
  ["TypeScript: resolving modules", /^resolveModuleNameLiterals$/],
  ["live-lesson: the cells (setCells)", /^setCells$/],
];
const byPhase = new Map();
let at = startTime;
let busy = 0;
samples.forEach((id, i) => {
  at += timeDeltas[i] ?? 0;
  if (at > answer) return;
  const ms = (timeDeltas[i + 1] ?? 0) / 1000;
  const leaf = nodes.get(id).callFrame.functionName;
  if (leaf === "(idle)") return;
  busy += ms;
  const stack = [];
  for (let n = id; n !== undefined; n = parent.get(n)) stack.push(nodes.get(n).callFrame.functionName);
  const phase =
    leaf === "(garbage collector)" ? "garbage collection" :
    leaf === "(program)" ? "native: compiling scripts, other" :
    phases.find(([, re]) => stack.some((name) => re.test(name)))?.[0] ?? "other JavaScript";
  byPhase.set(phase, (byPhase.get(phase) ?? 0) + ms);
});
const round = (ms) => ms.toFixed(0);
console.log(`worker thread CPU from the click to the first answer: ${round(cpu)} ms (wall: click → keydown ${round((keydown - click) / 1000)} ms, keydown → answer ${round((answer - keydown) / 1000)} ms)`);
console.log(`sampled worker time to the first answer, idle left out: ${round(busy)} ms${values.named ? "" : " (TypeScript minified: run with --named to tell its phases apart)"}`);
for (const [phase, ms] of [...byPhase].sort((a, b) => b[1] - a[1])) console.log(`${round(ms).padStart(7)} ms ${((ms / busy) * 100).toFixed(1).padStart(5)} %  ${phase}`);
console.log(`trace: ${out}.trace.json, worker profile: ${out}.worker.cpuprofile`);

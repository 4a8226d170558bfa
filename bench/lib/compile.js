// Compile times: each figure from a fresh Node process (cold), against markdown-it + KaTeX alone.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { summarize } from "./stats.js";

const child = fileURLToPath(new URL("compile-child.js", import.meta.url));

function runChild(mode, file, warmRuns) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, mode, file, String(warmRuns)], { env: process.env });
    let out = "";
    let err = "";
    p.stdout.on("data", (d) => (out += d));
    p.stderr.on("data", (d) => (err += d));
    p.on("close", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`compile-child ${mode} ${file} exited ${code}\n${err}`))));
  });
}

/**
 * `reps` fresh processes per side, interleaved (ours, baseline, ours, …). For each: the first run
 * (cold), the median of `warmRuns` further runs (warm), and the import time.
 */
export async function measureCompile(file, { reps, warmRuns = 5, baseline = true }) {
  const sides = baseline ? ["ours", "baseline"] : ["ours"];
  const raw = Object.fromEntries(sides.map((s) => [s, { first: [], warm: [], import: [] }]));
  for (let i = 0; i < reps; i++) {
    for (const side of sides) {
      const r = await runChild(side, file, warmRuns);
      raw[side].first.push(r.firstMs);
      raw[side].import.push(r.importMs);
      if (r.warmMs.length) raw[side].warm.push(summarize(r.warmMs).median);
    }
  }
  return Object.fromEntries(sides.map((s) => [s, { first: summarize(raw[s].first), warm: summarize(raw[s].warm), import: summarize(raw[s].import) }]));
}

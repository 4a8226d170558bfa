#!/usr/bin/env node
// The top self-time of a V8 CPU profile (`node --cpu-prof`, or a Chromium profile saved from
// DevTools / CDP `Profiler.stop`), by function and by package, for bench/analysis.md:
//   node bench/summarize-profile.js <file.cpuprofile> [top=15]
import { readFileSync } from "node:fs";
import { functionOf, placeOf, samplesOf, sumSamples } from "./lib/profile.js";

const [file, topArg = "15"] = process.argv.slice(2);
if (!file) {
  console.error("usage: node bench/summarize-profile.js <file.cpuprofile> [top]");
  process.exit(2);
}
const samples = samplesOf(JSON.parse(readFileSync(file, "utf8")));
const total = samples.reduce((sum, [, ms]) => sum + ms, 0);
const top = Number(topArg);
const print = (title, map) => {
  console.log(`\n${title} (self time, of ${total.toFixed(0)} ms sampled)`);
  for (const [key, ms] of [...map].slice(0, top)) console.log(`${ms.toFixed(0).padStart(7)} ms ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
};
print("By function", sumSamples(samples, functionOf));
print("By package", sumSamples(samples, (node) => placeOf(node.callFrame.url)));

#!/usr/bin/env node
// The top self-time of a V8 CPU profile (`node --cpu-prof`, or a Chromium profile saved from
// DevTools / CDP `Profiler.stop`), by function and by package, for bench/analysis.md:
//   node bench/summarize-profile.js <file.cpuprofile> [top=15]
import { readFileSync } from "node:fs";

const [file, topArg = "15"] = process.argv.slice(2);
if (!file) {
  console.error("usage: node bench/summarize-profile.js <file.cpuprofile> [top]");
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, "utf8"));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
// Self time: each sample counts for its node, weighted by the time delta that follows it.
const self = new Map();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000));
const total = [...self.values()].reduce((a, b) => a + b, 0);
/** Where a function lives: the package under node_modules, ours (src/ or lib/), or V8/Node. */
const placeOf = (url) => {
  if (!url) return "(V8 / native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith("node:")) return "(node internals)";
  const ours = /\/(src|lib)\/(\w+)\//.exec(url);
  return ours ? `live-lesson ${ours[1]}/${ours[2]}/` : url.replace(/^.*\//, "");
};
const byFunction = new Map();
const byPlace = new Map();
for (const [id, ms] of self) {
  const { functionName, url, lineNumber } = nodes.get(id).callFrame;
  const key = `${functionName || "(anonymous)"} ${url ? `${url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(src|lib)\//, "$1/")}:${lineNumber + 1}` : ""}`.trim();
  byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  const place = placeOf(url);
  byPlace.set(place, (byPlace.get(place) ?? 0) + ms);
}
const top = Number(topArg);
const print = (title, map) => {
  console.log(`\n${title} (self time, of ${total.toFixed(0)} ms sampled)`);
  for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms.toFixed(0).padStart(7)} ms ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
};
print("By function", byFunction);
print("By package", byPlace);

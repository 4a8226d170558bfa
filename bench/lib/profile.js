// Self time of a V8 CPU profile (`node --cpu-prof`, or Chromium's from DevTools / CDP), by any key:
// the tables of bench/summarize-profile.js and bench/profile-build.js.

/** Where a script lives: the package under node_modules, ours (src/ or lib/), or V8/Node. */
export function placeOf(url) {
  if (!url) return "(V8 / native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith("node:")) return "(node internals)";
  const ours = /\/(src|lib)\/(\w+)\//.exec(url);
  return ours ? `live-lesson ${ours[1]}/${ours[2]}/` : url.replace(/^.*\//, "");
}

/**
 * The profile's samples as [node, ms] pairs: each sample counts for its node, weighted by the time
 * delta that follows it. With `from`/`to` (the profile's clock, µs: CLOCK_MONOTONIC in Node, as
 * process.hrtime), only the samples taken in that window. Each node gains `parentNode`.
 */
export function samplesOf(profile, { from = -Infinity, to = Infinity } = {}) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const node of profile.nodes) for (const child of node.children ?? []) nodes.get(child).parentNode = node;
  const samples = [];
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at >= from && at <= to) samples.push([nodes.get(id), (profile.timeDeltas[i + 1] ?? 0) / 1000]);
  });
  return samples;
}

/** Sampled ms by `keyOf(node)` (a node of samplesOf), largest first; a null key is left out. */
export function sumSamples(samples, keyOf) {
  const sums = new Map();
  for (const [node, ms] of samples) {
    const key = keyOf(node);
    if (key !== null) sums.set(key, (sums.get(key) ?? 0) + ms);
  }
  return new Map([...sums].sort((a, b) => b[1] - a[1]));
}

/** A function's name and place, e.g. `parseInline markdown-it/lib/parser_inline.mjs:120`. */
export function functionOf({ callFrame: { functionName, url, lineNumber } }) {
  const where = url ? ` ${url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(src|lib)\//, "$1/")}:${lineNumber + 1}` : "";
  return `${functionName || "(anonymous)"}${where}`;
}

// Where a slider change's time goes, from a Chromium trace with V8's sampling profiler
// (bench/profile-change.js): every sample inside the window the bench times is put in a place, by
// the function running and, through the build's source maps, the package or file it comes from.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SourceMapConsumer } from "source-map-js";

const threadOf = (e) => `${e.pid}:${e.tid}`;

/** Native calls that insert or remove DOM nodes (the display's own work when a cell's output is replaced). */
const INSERT_REMOVE = /^(append|appendChild|prepend|insertBefore|insertAdjacentElement|replaceWith|replaceChild|replaceChildren|remove|removeChild|before|after)$/;
/** Native calls that read layout, so Chromium lays out inside the script. */
const LAYOUT_READ = /^(getBBox|getComputedTextLength|getBoundingClientRect|getClientRects|getComputedStyle|offset(Width|Height|Top|Left)|client(Width|Height)|scroll(Width|Height|Top|Left))$/;

/**
 * The cells of a page's module: live-lesson's entry chunk (`{id:`…`,line:N,…}` objects) or
 * Framework's inline script (`define({id: "…", …})`). Returns {cells: [{id, label, start, end,
 * inputs, outputs}]} with the character span of each cell's definition in `text`.
 */
export function findCells(text, system) {
  const starts = system === "ours"
    ? [...text.matchAll(/\{id:`([0-9a-f]{10})`,line:(\d+),/g)].map((m) => ({ id: m[1], label: `line ${m[2]}`, start: m.index }))
    : [...text.matchAll(/define\(\{id: "([0-9a-f]+)"/g)].map((m) => ({ id: m[1], label: `cell ${m[1]}`, start: m.index }));
  const last = starts.at(-1);
  const endOfLast = last ? (system === "ours" ? text.indexOf("}],modules:", last.start) : text.indexOf("\n});", last.start)) : -1;
  const list = (s) => [...(s ?? "").matchAll(/["`]([^"`]+)["`]/g)].map((m) => m[1]);
  return starts.map((cell, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].start : endOfLast < 0 ? text.length : endOfLast;
    const span = text.slice(cell.start, end);
    const io = system === "ours"
      ? /,params:\[[^\]]*\],inputs:\[([^\]]*)\],outputs:\[([^\]]*)\]/.exec(span)
      : [null, /inputs: \[([^\]]*)\]/.exec(span)?.[1], /outputs: \[([^\]]*)\]/.exec(span)?.[1]];
    // A few words of the cell's code, so the table reads without the lesson open.
    const code = system === "ours"
      ? /source:(["'`])((?:\\.|(?!\1)[^\\])*)/.exec(span)?.[2].replace(/\\n/g, " ") ?? ""
      : /body: [^{]*\{([\s\S]{0,200})/.exec(span)?.[1].replace(/^\s*display\(await\(\s*/, "").replace(/[\s)]*\}\}\);[\s\S]*$/, "") ?? "";
    const excerpt = code.replace(/\/\/[^\n]*|\s+/g, " ").replace(/\s+/g, " ").trim().slice(0, 48);
    return { ...cell, end, label: `${cell.label}: ${excerpt}`, inputs: list(io?.[1]), outputs: list(io?.[2]) };
  });
}

/** The cells some waited-for cell depends on, through the names they read (the waited ones included). */
export function withAncestors(cells, waitedIds) {
  const definer = new Map();
  for (const cell of cells) for (const name of cell.outputs) definer.set(name, cell);
  const needed = new Set();
  const visit = (cell) => {
    if (!cell || needed.has(cell.id)) return;
    needed.add(cell.id);
    for (const name of cell.inputs) visit(definer.get(name) ?? definer.get(`viewof ${name}`));
  };
  for (const id of waitedIds) visit(cells.find((c) => c.id === id));
  return needed;
}

/**
 * Names the place of a script URL: a cell of the page module, a package or live-lesson file
 * (through the chunk's source map), or Framework's own client files.
 * site: {dir, origin, entry: {url, text, cells}, system}.
 */
export function makePlacer(site) {
  const maps = new Map();
  const lineStarts = (text) => [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  const entryLines = lineStarts(site.entry.text);
  const mapOf = (url) => {
    if (maps.has(url)) return maps.get(url);
    const file = join(site.dir, decodeURIComponent(new URL(url).pathname));
    const map = existsSync(`${file}.map`) ? new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, "utf8"))) : null;
    maps.set(url, map);
    return map;
  };
  const fromSource = (source) => {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/?]+)/.exec(source);
    if (pkg) return pkg[1];
    const ours = /\blib\/(\w+)\/(?:[\w/]+\/)?(\w+)\.js/.exec(source);
    if (ours) return `live-lesson ${ours[1]}/${ours[2]}`;
    return source;
  };
  const cache = new Map();
  const placeOf = ({ url, lineNumber, columnNumber }) => {
    const key = `${url} ${lineNumber} ${columnNumber}`;
    if (cache.has(key)) return cache.get(key);
    let place;
    if (url === site.entry.url) {
      const offset = entryLines[lineNumber] + columnNumber;
      const cell = site.entry.cells.find((c) => offset >= c.start && offset < c.end);
      place = cell ? `cell ${cell.id}` : site.system === "ours" ? "live-lesson page module" : "Framework page module";
    } else if (site.system === "framework") {
      const path = new URL(url).pathname;
      const npm = /^\/_npm\/((?:@[^/]+\/)?[^/@]+)@/.exec(path);
      place = npm ? npm[1] : /\/_observablehq\/runtime\./.test(path) ? "@observablehq/runtime" : /\/_observablehq\/stdlib\/inputs\./.test(path) ? "@observablehq/inputs" : /\/_observablehq\/(\w+)/.test(path) ? `Framework ${/\/_observablehq\/(\w+)/.exec(path)[1]}` : path;
    } else {
      const map = mapOf(url);
      const source = map?.originalPositionFor({ line: lineNumber + 1, column: columnNumber }).source;
      place = source ? fromSource(source) : `unmapped ${url.replace(/^.*\//, "")}`;
    }
    cache.set(key, place);
    return place;
  };
  /** The frame as written in its source (file, line, name), where the chunk has a source map. */
  placeOf.original = (frame) => {
    if (!frame.url || Number(frame.scriptId) === 0 || frame.url === site.entry.url) return frame;
    if (site.system === "framework") {
      // Framework's modules by package, as summarize-profile.js reads a path: /node_modules/<package>/.
      const place = placeOf(frame);
      return place.startsWith("Framework ") ? frame : { ...frame, url: `/node_modules/${place}/${frame.url.replace(/^.*\//, "")}` };
    }
    const at = mapOf(frame.url)?.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
    if (!at?.source) return frame;
    // A file URL, as in a Node profile: summarize-profile.js then names our files lib/<folder>/<file>.
    const url = `file://${at.source.replace(/^(\.\.\/)+/, "/").replace(/\?.*$/, "")}`;
    return { ...frame, url, lineNumber: at.line - 1, columnNumber: at.column, functionName: at.name ?? frame.functionName };
  };
  return placeOf;
}

/**
 * Every sample of V8's profiler in the trace, per thread, time-ordered: [{ts, stack}] where stack is
 * the list of call frames from the leaf up, and dt the time to the next sample on that thread (µs).
 */
export function readSamples(events) {
  const profiles = new Map();
  for (const e of events) if (e.name === "Profile") profiles.set(`${e.pid}:${e.id}`, { thread: threadOf(e), ts: e.args.data.startTime, nodes: new Map(), samples: [] });
  const chunks = events.filter((e) => e.name === "ProfileChunk").sort((a, b) => a.ts - b.ts);
  for (const e of chunks) {
    const profile = profiles.get(`${e.pid}:${e.id}`);
    if (!profile) continue;
    const { cpuProfile = {}, timeDeltas = [] } = e.args.data;
    for (const node of cpuProfile.nodes ?? []) profile.nodes.set(node.id, node);
    (cpuProfile.samples ?? []).forEach((id, i) => {
      profile.ts += timeDeltas[i] ?? 0;
      profile.samples.push({ ts: profile.ts, id });
    });
  }
  const byThread = new Map();
  for (const { thread, nodes, samples } of profiles.values()) {
    const stackOf = (id) => {
      const stack = [];
      for (let n = nodes.get(id); n; n = nodes.get(n.parent)) stack.push(n.callFrame);
      return stack;
    };
    const list = samples.map(({ ts, id }, i) => ({ ts, dt: (samples[i + 1]?.ts ?? ts) - ts, stack: stackOf(id) }));
    byThread.set(thread, [...(byThread.get(thread) ?? []), ...list]);
  }
  return byThread;
}

/**
 * The windows the bench timed: one per counted change, [start, end) in trace µs on the page's main
 * thread, from the dispatch of its input event (the trace's EventDispatch; one nested in another,
 * as a form re-dispatching it, is skipped) to the probe's domMs after it.
 */
export function findWindows(events, runs) {
  const dispatches = events.filter((e) => e.name === "EventDispatch" && e.ph === "X" && e.args?.data?.type === "input").sort((a, b) => a.ts - b.ts);
  const outer = dispatches.filter((e, i) => !dispatches.slice(0, i).some((d) => threadOf(d) === threadOf(e) && e.ts < d.ts + d.dur));
  if (outer.length !== runs.length) throw new Error(`the trace has ${outer.length} input events for ${runs.length} changes`);
  return runs.map((run, i) => ({ ...run, thread: threadOf(outer[i]), start: outer[i].ts, end: outer[i].ts + run.domMs * 1000 }));
}

/**
 * One sample's place: the leaf's own kind when it is not JavaScript (GC, native work outside
 * script, idle), a native call (a DOM insert/remove, a layout read, any other DOM or API call:
 * Chromium's work, whoever asked for it), else the place of the JavaScript function running.
 * Frames of the bench's own probe (scripts without a URL, injected by Playwright) are "the
 * bench's observer".
 */
export function placeSample(stack, placeOf) {
  const leaf = stack[0];
  if (!leaf) return "(no sample)";
  if (leaf.functionName === "(garbage collector)") return "GC";
  if (leaf.functionName === "(program)") return "native, outside script (style, layout, task overhead)";
  if (leaf.functionName === "(idle)") return "idle";
  const caller = stack.find((frame) => Number(frame.scriptId) !== 0);
  if (!caller) return "native, no script on the stack";
  // The probe's own calls (querySelector on every mutation) are the bench's, not Chromium's for the page.
  if (!caller.url) return "the bench's observer";
  if (Number(leaf.scriptId) !== 0) return placeOf(leaf);
  if (INSERT_REMOVE.test(leaf.functionName)) return "native DOM insert/remove";
  if (LAYOUT_READ.test(leaf.functionName)) return "native layout read from script";
  return "native DOM and API calls (create, set attributes, query…)";
}

/** The innermost cell on a sample's stack (its inclusive time), or null. */
export function cellOf(stack, placeOf) {
  for (const frame of stack) {
    if (Number(frame.scriptId) === 0 || !frame.url) continue;
    const place = placeOf(frame);
    if (place.startsWith("cell ")) return place.slice(5);
  }
  return null;
}

/**
 * The samples in `windows`, counted by place and by cell (inclusive), with the samples themselves
 * ({stack, us}: us is the wall time to the next sample, clipped to the window), and the main
 * thread's thread time (CPU) in them from the trace's tasks, style/layout and GC events.
 */
export function splitWindows(events, samplesByThread, windows, placeOf) {
  const byPlace = new Map();
  const byCell = new Map();
  const inWindows = [];
  const add = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const w of windows) {
    for (const s of samplesByThread.get(w.thread) ?? []) {
      if (s.ts < w.start || s.ts >= w.end) continue;
      inWindows.push({ stack: s.stack, us: Math.min(s.ts + s.dt, w.end) - s.ts });
      add(byPlace, placeSample(s.stack, placeOf));
      const cell = cellOf(s.stack, placeOf);
      if (cell) add(byCell, cell);
    }
  }
  // Thread time of the main thread's tasks and of style/layout/GC events, prorated where they overlap a window's edge.
  const traced = new Map();
  // Top-level tasks only (Chromium nests RunTask in ThreadControllerImpl::RunTask where it has both).
  const task = events.some((e) => e.name === "ThreadControllerImpl::RunTask") ? /^ThreadControllerImpl::RunTask$/ : /^RunTask$/;
  const kinds = [["main thread, all tasks", task], ["style (UpdateLayoutTree)", /^UpdateLayoutTree$/], ["layout", /^Layout$/], ["GC (MinorGC, MajorGC)", /^(MinorGC|MajorGC)$/]];
  const threads = new Set(windows.map((w) => w.thread));
  const cpuPerWindow = windows.map(() => 0);
  for (const e of events) {
    if (e.ph !== "X" || !threads.has(threadOf(e))) continue;
    const kind = kinds.find(([, re]) => re.test(e.name))?.[0];
    if (!kind) continue;
    windows.forEach((w, i) => {
      if (w.thread !== threadOf(e)) return;
      const overlap = Math.min(e.ts + e.dur, w.end) - Math.max(e.ts, w.start);
      if (overlap <= 0) return;
      const us = ((e.tdur ?? e.dur) * overlap) / Math.max(e.dur, 1);
      traced.set(kind, (traced.get(kind) ?? 0) + us);
      if (kind === "main thread, all tasks") cpuPerWindow[i] += us;
    });
  }
  return { byPlace, byCell, samples: inWindows, traced, cpuPerWindow, windowUs: windows.reduce((sum, w) => sum + (w.end - w.start), 0) };
}

/**
 * A V8 CPU profile (.cpuprofile) of the samples in the windows, for bench/summarize-profile.js:
 * call frames interned into a tree, each sample weighted by its clipped wall time.
 */
export function toCpuProfile(samples, rename = (frame) => frame) {
  const nodes = [{ id: 1, callFrame: { functionName: "(root)", scriptId: "0", url: "", lineNumber: -1, columnNumber: -1 }, children: [] }];
  const childOf = new Map();
  const ids = samples.map(({ stack }) => {
    let parent = nodes[0];
    for (const frame of [...stack].reverse().map(rename)) {
      if (frame.functionName === "(root)") continue;
      const key = `${parent.id} ${frame.functionName} ${frame.url ?? ""} ${frame.lineNumber ?? -1} ${frame.columnNumber ?? -1}`;
      let node = childOf.get(key);
      if (!node) {
        node = { id: nodes.length + 1, callFrame: { url: "", lineNumber: -1, columnNumber: -1, ...frame, scriptId: String(frame.scriptId ?? 0) }, children: [] };
        nodes.push(node);
        parent.children.push(node.id);
        childOf.set(key, node);
      }
      parent = node;
    }
    return parent.id;
  });
  const timeDeltas = [0, ...samples.map((s) => Math.round(s.us))].slice(0, samples.length);
  // summarize-profile.js weighs sample i by timeDeltas[i + 1]: the deltas are shifted by one.
  return { nodes, startTime: 0, endTime: samples.reduce((sum, s) => sum + s.us, 0), samples: ids, timeDeltas };
}

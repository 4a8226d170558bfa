// Where a page's load goes, read from a Chromium trace of it (bench/lib/trace.js): the page's main
// thread CPU (thread time, robust to load) by category in a window of the load, its script time by
// chunk from V8's samples, and the CPU every other process and thread of the browser used meanwhile.
import { cpuProfileOf, namesOf, threadOf } from "./trace.js";

/** Trace event name → category of the main thread's work (DevTools' own grouping, finer). */
const CATEGORIES = [
  ["HTML parse", /^ParseHTML$/],
  ["style", /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation)$/],
  ["layout", /^(Layout|UpdateLayout|InvalidateLayout)$/],
  ["fonts", /font/i],
  ["paint, layerize, commit", /^(PrePaint|Paint|PaintImage|Layerize|Commit|UpdateLayer|UpdateLayerTree|CompositeLayers|Decode Image|Draw LazyPixelRef)$/],
  ["GC", /^(MinorGC|MajorGC|V8\.GC|BlinkGC|V8\.GCScavenger|V8\.GCCompactor|V8\.GCFinalizeMC|CppGC)/],
  ["script compile", /^(v8\.compile|v8\.compileModule|V8\.CompileCode|v8\.produceCache|v8\.produceModuleCache|V8\.CompileLazy|v8\.parseOnBackground)/],
  ["script run", /^(v8\.evaluateModule|EvaluateScript|FunctionCall|FireAnimationFrame|TimerFire|RunMicrotasks|EventDispatch|FireIdleCallback|v8\.callFunction|v8\.run|XHRReadyStateChange|v8\.newInstance)$/],
  ["navigation commit, V8 context", /^(DocumentLoader::|LocalWindowProxy::|V8\.DeserializeContext|CommitLoad)/],
];
/** Main-thread work with none of the categories above: task scheduling, IPC (mojo) handling, Blink's own. */
export const OTHER = "other: tasks, IPC, Blink";
export const CATEGORY_NAMES = [...CATEGORIES.map(([name]) => name), OTHER];

const categoryOf = (name) => CATEGORIES.find(([, re]) => re.test(name))?.[0];

/** The renderer main thread that loaded `url`, and the trace time (µs) of its navigation start. */
export function findPage(events, url) {
  const nav = events.find((e) => e.name === "navigationStart" && e.args?.data?.documentLoaderURL === url);
  if (!nav) throw new Error(`the trace has no navigationStart of ${url}`);
  return { thread: threadOf(nav), navigationStart: nav.ts };
}

/** Wall overlap (µs) of [a0, a1] with [b0, b1]. */
const overlap = (a0, a1, b0, b1) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/**
 * Main-thread CPU (ms of thread time) of `thread` in each window [from, to] (trace µs), by category.
 * Each complete event's self thread time (its own minus its children's) goes to its category, or to
 * the nearest enclosing event's that has one; an event straddling a window's edge is split by its
 * wall time on either side.
 */
export function mainThreadByCategory(events, thread, windows) {
  const slices = events.filter((e) => e.ph === "X" && threadOf(e) === thread && e.tdur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const totals = windows.map(() => Object.fromEntries(CATEGORY_NAMES.map((c) => [c, 0])));
  const stack = [];
  const settle = (slice) => {
    const self = Math.max(0, slice.e.tdur - slice.childTdur) / 1000;
    windows.forEach(([from, to], i) => {
      const share = slice.e.dur > 0 ? overlap(slice.e.ts, slice.e.ts + slice.e.dur, from, to) / slice.e.dur : Number(slice.e.ts >= from && slice.e.ts < to);
      totals[i][slice.category] += self * share;
    });
  };
  for (const e of slices) {
    while (stack.length && stack.at(-1).e.ts + stack.at(-1).e.dur <= e.ts) settle(stack.pop());
    const parent = stack.at(-1);
    if (parent) parent.childTdur += e.tdur;
    stack.push({ e, childTdur: 0, category: categoryOf(e.name) ?? parent?.category ?? OTHER });
  }
  while (stack.length) settle(stack.pop());
  return totals;
}

/**
 * The outermost complete events of each thread ("pid:tid" → events): a thread's tasks, and what runs
 * between them (Blink's microtask checkpoint after a task is a sibling of the task, not inside it).
 */
function outermostSlices(events) {
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== "X" || e.tdur === undefined) continue;
    const thread = threadOf(e);
    if (!byThread.has(thread)) byThread.set(thread, []);
    byThread.get(thread).push(e);
  }
  for (const [thread, slices] of byThread) {
    slices.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    let end = -Infinity;
    byThread.set(thread, slices.filter((e) => {
      if (e.ts < end) return false;
      end = e.ts + e.dur;
      return true;
    }));
  }
  return byThread;
}

/** Wall time (ms) the main thread ran work in [from, to]: the rest of the window it was idle, waiting. */
export function mainThreadBusy(events, thread, [from, to]) {
  const slices = outermostSlices(events.filter((e) => threadOf(e) === thread)).get(thread) ?? [];
  return slices.reduce((busy, e) => busy + overlap(e.ts, e.ts + e.dur, from, to), 0) / 1000;
}

/**
 * CPU (ms of thread time) of every thread of the browser in [from, to], summed by process and thread
 * kind: what shared the machine's cores with the page's main thread. Only threads that trace their
 * work (the scheduler's and the thread pool's tasks, V8's and Blink's events) count.
 */
export function browserCpu(events, [from, to], pageThread) {
  const { threads, processes } = namesOf(events);
  const pagePid = Number(pageThread.split(":")[0]);
  const byKind = {};
  for (const [thread, slices] of outermostSlices(events)) {
    const pid = Number(thread.split(":")[0]);
    const kind = thread === pageThread ? "the page: main thread"
      : pid === pagePid ? `the page: ${threadKind(threads.get(thread))}`
      : `${processes.get(pid) ?? "process"}: ${threadKind(threads.get(thread))}`;
    for (const e of slices) {
      const share = e.dur > 0 ? overlap(e.ts, e.ts + e.dur, from, to) / e.dur : 0;
      if (share) byKind[kind] = (byKind[kind] ?? 0) + (e.tdur * share) / 1000;
    }
  }
  return byKind;
}

/** A thread's name without its number ("ThreadPoolForegroundWorker"), main threads said so. */
const threadKind = (name = "thread") => (/^Cr\w*Main$/.test(name) ? "main thread" : name.replace(/\/?\d+$/, ""));

/** Scripts with no source URL: in the bench, its in-page probes (page.addInitScript). */
export const NO_URL = "scripts without a URL (the bench's in-page probes)";

/**
 * The page's JavaScript in each window, by the chunk it runs from: V8's samples of the main thread
 * whose leaf frame is a script function (its own code, not the DOM, compile or GC under it), in ms of
 * sampled time. Samples are wall time (a thread the machine did not run still gets sampled), so use
 * them for shares, not as CPU. label(url) names a chunk.
 */
export function scriptByChunk(events, thread, windows, label) {
  const profile = cpuProfileOf(events, thread);
  const totals = windows.map(() => ({}));
  if (!profile) return totals;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    const { url, scriptId } = nodes.get(id).callFrame;
    // Native functions and V8's own entries ("(program)", "(idle)") belong to no script.
    if (!Number(scriptId)) return;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const chunk = url ? label(url) : NO_URL;
    windows.forEach(([from, to], w) => {
      if (at >= from && at < to) totals[w][chunk] = (totals[w][chunk] ?? 0) + ms;
    });
  });
  return totals;
}

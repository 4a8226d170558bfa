// Chromium traces for the bench's profiles: recording one over a page's life (CDP `Tracing`, which
// traces every process of the browser, not only the page's), naming its threads, and reading a
// thread's V8 CPU profile out of it (for bench/summarize-profile.js).

/** What a load profile records: tasks with thread time, Blink's timeline, V8's compile/GC and samples. */
export const LOAD_CATEGORIES = [
  "toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing", "loading",
  "v8", "v8.execute", "disabled-by-default-v8.cpu_profiler", "disabled-by-default-v8.gc", "fonts",
];

/**
 * Traces `page`'s browser while `run()` runs; returns {events, result}. Tracing through the page's CDP
 * session works with a persistent context (bench/peers/framework/measure.mjs launchChromium), which
 * has no Browser object to call startTracing on.
 */
export async function recordTrace(context, page, run, categories = LOAD_CATEGORIES) {
  const cdp = await context.newCDPSession(page);
  const chunks = [];
  cdp.on("Tracing.dataCollected", ({ value }) => chunks.push(...value));
  const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", { traceConfig: { includedCategories: categories, recordMode: "recordAsMuchAsPossible" }, transferMode: "ReportEvents" });
  let result;
  try {
    result = await run();
  } finally {
    await cdp.send("Tracing.end");
    await complete;
    await cdp.detach().catch(() => {});
  }
  return { events: chunks, result };
}

/** "pid:tid" of an event. */
export const threadOf = (e) => `${e.pid}:${e.tid}`;

/** Map "pid:tid" → thread name, and pid → process name, from the trace's metadata events. */
export function namesOf(events) {
  const threads = new Map();
  const processes = new Map();
  for (const e of events) {
    if (e.ph !== "M") continue;
    if (e.name === "thread_name") threads.set(threadOf(e), e.args.name);
    if (e.name === "process_name") processes.set(e.pid, e.args.name);
  }
  return { threads, processes };
}

/**
 * The V8 CPU profile of one thread ("pid:tid"), from its `Profile`/`ProfileChunk` events, in the
 * .cpuprofile shape (nodes with children, samples, timeDeltas, start/end in trace microseconds).
 */
export function cpuProfileOf(events, thread) {
  const pid = Number(thread.split(":")[0]);
  const profileId = events.find((e) => e.name === "Profile" && threadOf(e) === thread)?.id;
  if (profileId === undefined) return null;
  const nodes = new Map();
  const samples = [];
  const timeDeltas = [];
  let startTime = 0;
  for (const e of events) {
    if (e.pid !== pid || e.id !== profileId) continue;
    if (e.name === "Profile") startTime = e.args.data.startTime;
    if (e.name !== "ProfileChunk") continue;
    for (const node of e.args.data.cpuProfile?.nodes ?? []) nodes.set(node.id, { ...node, children: [] });
    samples.push(...(e.args.data.cpuProfile?.samples ?? []));
    timeDeltas.push(...(e.args.data.timeDeltas ?? []));
  }
  for (const node of nodes.values()) if (node.parent !== undefined) nodes.get(node.parent)?.children.push(node.id);
  return { nodes: [...nodes.values()], startTime, endTime: startTime + timeDeltas.reduce((a, b) => a + b, 0), samples, timeDeltas };
}

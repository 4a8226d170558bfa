// The Gradient Descent Hiker's frames while its three optimizers animate.
//
// Method: a Chromium trace (CDP Tracing, devtools.timeline categories + v8.execute, the data of
// DevTools' Performance panel) recorded while the hikers run. On the page's renderer main thread,
// a frame is one batch of rAF callbacks (FireAnimationFrame events in one task) up to the next
// batch. Per frame: script = the union of script events (FunctionCall, FireAnimationFrame,
// RunMicrotasks, EventDispatch, TimerFire, EvaluateScript), so the microtasks in which the
// runtime recomputes count; rendering = UpdateLayoutTree, Layout, PrePaint, Paint, Layerize,
// Commit; busy = every main-thread task. Overlaps are counted once.
import * as fw from "../peers/framework/measure.mjs";
import { summarize } from "./stats.js";

const SCRIPT = new Set(["FunctionCall", "FireAnimationFrame", "RunMicrotasks", "EventDispatch", "TimerFire", "EvaluateScript", "v8.evaluateModule"]);
const RENDER = new Set(["UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize", "Commit"]);

/** Total length of the union of [start, end) intervals clipped to [from, to). */
function unionLength(intervals, from, to) {
  let total = 0;
  let reach = from;
  for (const [s, e] of intervals) {
    const start = Math.max(s, reach);
    const end = Math.min(e, to);
    if (end > start) { total += end - start; reach = end; }
    if (s >= to) break;
  }
  return total;
}

/** Per-frame script, rendering and busy time (ms) from trace events of one thread. */
function analyzeFrames(events) {
  const spans = (names) => events.filter((e) => e.ph === "X" && names.has(e.name)).map((e) => [e.ts / 1000, (e.ts + (e.dur ?? 0)) / 1000]).sort((a, b) => a[0] - b[0]);
  const script = spans(SCRIPT);
  const render = spans(RENDER);
  const busy = spans(new Set(["RunTask"]));
  // A frame starts at the task holding its first rAF callback.
  const rafs = events.filter((e) => e.ph === "X" && e.name === "FireAnimationFrame").map((e) => e.ts / 1000).sort((a, b) => a - b);
  const starts = [];
  for (const t of rafs) {
    const task = busy.find(([s, e]) => s <= t && t <= e);
    const start = task ? task[0] : t;
    if (!starts.length || start > starts.at(-1)) starts.push(start);
  }
  const frames = [];
  for (let i = 0; i + 1 < starts.length; i++) {
    const [from, to] = [starts[i], starts[i + 1]];
    frames.push({ script: unionLength(script, from, to), render: unionLength(render, from, to), busy: unionLength(busy, from, to), interval: to - from });
  }
  return frames;
}

/** Opens the chapter, resets and plays the hikers, traces until the run ends. */
export async function measureHiker({ url }) {
  const browser = await fw.launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.querySelectorAll("[data-cell]").length > 0 && !document.querySelector('[data-cell][data-status="pending"]'), null, { timeout: 60000, polling: 100 });
    const play = page.locator('button[data-command="play"]');
    await play.scrollIntoViewIfNeeded();
    await page.locator('button[data-command="reset"]').click();
    await page.waitForTimeout(300);
    const total = await page.evaluate(() => /Step \d+ of (\d+)/.exec(document.body.textContent)?.[1]);
    const cdp = await page.context().newCDPSession(page);
    const events = [];
    cdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
    const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.start", { categories: "devtools.timeline,v8.execute,disabled-by-default-devtools.timeline", transferMode: "ReportEvents" });
    await play.click();
    // The run ends at its last step (a diverging optimizer may stop earlier: then after 8 s).
    await page.waitForFunction((n) => document.body.textContent.includes(`Step ${n} of ${n}`), total, { timeout: 8000, polling: 100 }).catch(() => {});
    await cdp.send("Tracing.end");
    await complete;
    // The page's main thread: the renderer main thread that ran rAF callbacks.
    const byThread = new Map();
    for (const e of events) {
      const key = `${e.pid}:${e.tid}`;
      if (!byThread.has(key)) byThread.set(key, []);
      byThread.get(key).push(e);
    }
    const main = [...byThread.values()].map((list) => list.filter((e) => e.name !== "thread_name")).sort((a, b) => b.filter((e) => e.name === "FireAnimationFrame").length - a.filter((e) => e.name === "FireAnimationFrame").length)[0] ?? [];
    // Frames with script only: idle frames after the run (compositor-only) do not count.
    const frames = analyzeFrames(main).filter((f) => f.script > 0);
    const budget = 1000 / 60;
    return {
      steps: Number(total),
      frames: frames.length,
      script: summarize(frames.map((f) => f.script)),
      render: summarize(frames.map((f) => f.render)),
      busy: summarize(frames.map((f) => f.busy)),
      interval: summarize(frames.map((f) => f.interval)),
      overBudgetScript: frames.filter((f) => f.script > budget).length,
      overBudgetBusy: frames.filter((f) => f.busy > budget).length,
    };
  } finally {
    await browser.close();
  }
}

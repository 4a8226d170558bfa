// Page measurements shared by every system: load (cold profile), bytes, slider → charts redrawn.
// The probes are the Framework peer's (bench/peers/framework/measure.mjs), so every page is timed
// by the same code: a MutationObserver in the page, performance.now() on both ends.
import * as fw from "../peers/framework/measure.mjs";
import { summarize } from "./stats.js";
import { installLoadProbe, readLoadProbe } from "./loadProbe.js";

export { SLIDERS, ALL_CHARTS } from "../peers/framework/measure.mjs";

/** In-page probe for pages without fixed chart selectors: every `[data-cell]` settled (not pending). */
export function settledProbe() {
  const probe = (window.__settled = { at: null });
  const done = () => {
    const cells = document.querySelectorAll("[data-cell]");
    return cells.length > 0 && !document.querySelector('[data-cell][data-status="pending"]');
  };
  new MutationObserver((_, obs) => {
    if (probe.at === null && done()) { probe.at = performance.now(); obs.disconnect(); }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-status"] });
}

/**
 * Loads `url` `reps` times, each in a fresh Chromium profile (cold: no HTTP or code cache).
 * selectors: the charts that must all be present, or "cells" to wait for every live-lesson cell
 * to settle. Returns {allDrawnMs: summary, bytes} (bytes from the first load's requests).
 * With `probe` (the worked example: every system has the same charts and w slider), each load also
 * gives the reader's figures of bench/lib/loadProbe.js: `probes` [{visibleMs, interactiveMs, cls, …}].
 */
export async function measureLoad({ server, url, selectors = fw.ALL_CHARTS, reps, probe = false }) {
  const times = [];
  const probes = [];
  let bytes = null;
  for (let i = 0; i < reps; i++) {
    const browser = await fw.launchChromium();
    try {
      const page = await browser.newPage();
      const from = server.log.length;
      if (selectors === "cells") await page.addInitScript(settledProbe);
      else await fw.installProbes(page, selectors);
      if (probe) await installLoadProbe(page, { charts: fw.ALL_CHARTS, slider: { ...fw.SLIDERS.w, values: ["2.17", "1.33"] } });
      await page.goto(url);
      if (selectors === "cells") {
        await page.waitForFunction(() => window.__settled?.at != null, null, { timeout: 60000, polling: 50 });
        times.push(await page.evaluate(() => window.__settled.at));
      } else {
        times.push((await fw.waitForAllCharts(page, { timeout: 60000 })).allDrawnMs);
      }
      if (probe) probes.push(await readLoadProbe(page));
      // Requests still arriving after the charts (lazy chunks, idle-time editor) count as loaded.
      await page.waitForTimeout(300);
      bytes ??= fw.bytesLoaded(server.log.slice(from));
    } finally {
      await browser.close();
    }
  }
  return { allDrawnMs: summarize(times), times, bytes, probes };
}

/** The i-th value set on a slider: spread over its range, never twice the same in a row. */
export function sliderValue(slider, i) {
  if (slider === "w") return (((i * 0.37) % 3.9) + 0.05).toFixed(2);
  return (0.001 + ((i * 0.0137) % 0.098)).toFixed(3);
}

/**
 * An open page of one system, ready for slider timings. The browser has a fresh profile, so the
 * load that opens it is a cold load too: `allDrawnMs` counts as one more load sample.
 */
export async function openForSliders({ url, selectors = fw.ALL_CHARTS }) {
  const browser = await fw.launchChromium();
  const page = await browser.newPage();
  await fw.installProbes(page, selectors);
  await page.goto(url);
  const { allDrawnMs } = await fw.waitForAllCharts(page, { timeout: 60000 });
  return { browser, page, allDrawnMs };
}

/**
 * Slider → every dependent chart redrawn, `changes` times per slider on each open page. The first
 * `warmup` changes of each slider are not counted. Returns {[system]: {[slider]: {dom, paint}}}.
 * - regime "idle": the pages are changed in turn, change by change (so machine noise falls on every
 *   system alike); between two changes a page sits idle while the others work, so Chromium has no
 *   frame pending and runs a requested animation frame almost at once.
 * - regime "busy": one page at a time, each change dispatched as soon as the previous one has
 *   painted (as a drag whose events do not line up with frames): the next frame is then most of a
 *   frame away (bench/peers/framework/verify.mjs measures this way).
 */
export async function measureSliders(pages, { sliders = ["w", "alpha"], changes, warmup = 3, sliderSpecs = {}, regime = "idle" }) {
  const raw = Object.fromEntries(Object.keys(pages).map((name) => [name, Object.fromEntries(sliders.map((s) => [s, { dom: [], paint: [] }]))]));
  const change = async (name, slider, i) => {
    const spec = sliderSpecs[name]?.[slider] ?? slider;
    const { domMs, paintMs } = await fw.timeSliderChange(pages[name].page, spec, sliderValue(slider, i));
    if (i < warmup) return;
    raw[name][slider].dom.push(domMs);
    raw[name][slider].paint.push(paintMs);
  };
  for (const slider of sliders) {
    if (regime === "idle") {
      for (let i = 0; i < changes + warmup; i++) for (const name of Object.keys(pages)) await change(name, slider, i);
    } else {
      for (const name of Object.keys(pages)) for (let i = 0; i < changes + warmup; i++) await change(name, slider, i);
    }
  }
  const result = {};
  for (const [name, bySlider] of Object.entries(raw)) {
    result[name] = Object.fromEntries(Object.entries(bySlider).map(([s, { dom, paint }]) => [s, { dom: summarize(dom), paint: summarize(paint) }]));
  }
  return result;
}

// The load of a page as a reader sees it, measured in the page for every system alike (installed
// before any page script, beside the Framework peer's probes):
// - visibleMs: navigation → the first animation frame in which every chart is in the document and
//   rendered (a box of non-zero size, not hidden), or the first contentful paint if that is later:
//   a prerendered page has them at its first paint;
// - interactiveMs: navigation → a slider change has redrawn its charts. From the first frame in
//   which the page looks settled (every chart present, the slider enabled, no live-lesson cell
//   pending, no Framework loading indicator), the probe moves the slider and waits for its charts
//   to be replaced (the peer probe's `timeChange`); a change that nothing answers (no listener
//   yet) is retried at the next frame. The time is when the last chart was replaced;
// - cls: the sum of the page's `layout-shift` entries without `hadRecentInput`, up to the first
//   slider change (what loading moved, not what the reader did), with the elements that moved;
// - fcpMs: first contentful paint, for reference.

/** In the page (page.addInitScript). */
function loadProbe({ charts, slider }) {
  const probe = (window.__load = { visibleAt: null, interactiveAt: null, attempts: 0, shifts: [], changedAt: null, error: null });
  const name = (node) => (node && node.nodeType === 1 ? `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ""}${typeof node.className === "string" && node.className ? `.${node.className.trim().split(/\s+/).join(".")}` : ""}` : String(node?.nodeName));
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput || (probe.changedAt !== null && entry.startTime >= probe.changedAt)) continue;
      probe.shifts.push({ value: entry.value, at: entry.startTime, sources: (entry.sources ?? []).map((s) => name(s.node)) });
    }
  }).observe({ type: "layout-shift", buffered: true });
  const isRendered = (el) => {
    if (!el || !el.isConnected) return false;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== "hidden" && style.opacity !== "0";
  };
  const looksSettled = () => {
    const input = window.__fw?.findSlider(slider.label);
    return input && !input.disabled && charts.every((s) => document.querySelector(s)) && !document.querySelector('[data-cell][data-status="pending"], observablehq-loading');
  };
  let trying = false;
  const frame = () => {
    if (probe.visibleAt === null && charts.every((s) => isRendered(document.querySelector(s)))) probe.visibleAt = performance.now();
    if (probe.visibleAt !== null && !trying && probe.interactiveAt === null && looksSettled()) {
      trying = true;
      probe.attempts++;
      probe.changedAt ??= performance.now();
      const value = probe.attempts % 2 ? slider.values[0] : slider.values[1];
      const t0 = performance.now();
      window.__fw.timeChange(slider.label, value, slider.dependents, 1000).then(
        ({ domMs }) => { probe.interactiveAt = t0 + domMs; },
        () => { trying = false; },
      );
    }
    if (probe.interactiveAt === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/**
 * Installs the probe on a page before it loads (after fw.installProbes, whose `findSlider` and
 * `timeChange` it uses). slider: {label, dependents} of the slider moved, values: two values to
 * alternate (neither the default).
 */
export async function installLoadProbe(page, { charts, slider }) {
  await page.addInitScript(loadProbe, { charts, slider });
}

/** Waits for the page to be interactive; returns {visibleMs, interactiveMs, fcpMs, cls, shifts, attempts}. */
export async function readLoadProbe(page, { timeout = 60000 } = {}) {
  await page.waitForFunction(() => window.__load?.interactiveAt != null, null, { timeout, polling: 50 });
  // Two frames, so shifts of the last layout before the change have been delivered.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate(() => {
    const p = window.__load;
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null;
    // A frame's callbacks can run before the page's first paint is presented: nothing is visible
    // before the first contentful paint.
    return { visibleMs: Math.max(p.visibleAt, fcp ?? 0), interactiveMs: p.interactiveAt, fcpMs: fcp, cls: p.shifts.reduce((sum, s) => sum + s.value, 0), shifts: p.shifts, attempts: p.attempts };
  });
}

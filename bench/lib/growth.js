// Growth: generated lessons of one slider and N dependent cells; compile, load and slider latency.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as fw from "../peers/framework/measure.mjs";
import { settledProbe } from "./page.js";

/** A lesson with a slider `x` and `cells` cells that each depend on it, a line of prose between. */
export function generateLesson(cells) {
  let md = `---\ntitle: Growth, ${cells} cells\n---\n\n# Growth, ${cells} cells\n\n$$\ny_i = i \\cdot x + \\tfrac{1}{2}\n$$\n\n`;
  md += '```js\nconst x = view(Inputs.range([0, 100], {step: 1, value: 0, label: "x"}));\n```\n\n';
  for (let i = 1; i <= cells; i++) md += `Cell ${i}, $y_{${i}}$:\n\n\`\`\`js\nx * ${i} + 0.5\n\`\`\`\n\n`;
  return md;
}

/** Writes growth-<n>.md for each n into `dir`; returns their paths by n. */
export async function writeGrowthLessons(dir, sizes) {
  const files = {};
  for (const n of sizes) {
    files[n] = join(dir, `growth-${n}.md`);
    await writeFile(files[n], generateLesson(n));
  }
  return files;
}

/** In the page: sets slider x and times until every other block cell's output was rewritten. */
function changeAll(value) {
  return new Promise((resolve, reject) => {
    const form = [...document.querySelectorAll("form")].find((f) => f.querySelector("label")?.textContent.trim() === "x");
    const input = form?.querySelector("input[type=range]");
    if (!input) return reject(new Error("no slider x"));
    const sliderCell = form.closest("[data-cell]");
    const pending = new Set([...document.querySelectorAll("div[data-cell]")].filter((c) => c !== sliderCell));
    let t0 = 0;
    const timer = setTimeout(() => reject(new Error(`${pending.size} cells not updated`)), 20000);
    const obs = new MutationObserver((records) => {
      for (const r of records) {
        const cell = (r.target.nodeType === 1 ? r.target : r.target.parentElement)?.closest("[data-cell]");
        if (cell) pending.delete(cell);
      }
      if (pending.size) return;
      const domMs = performance.now() - t0;
      obs.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => resolve({ domMs, paintMs: performance.now() - t0 }); c.port2.postMessage(0); });
    });
    obs.observe(document.body, { childList: true, subtree: true });
    input.value = String(value);
    t0 = performance.now();
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

/**
 * In the page: the first animation frame in which every block cell's output has something in it
 * (a prerendered page: its first frame; a live one: once every cell has run once).
 */
export function shownProbe() {
  const probe = (window.__shown = { at: null });
  const frame = () => {
    const outputs = document.querySelectorAll("div[data-cell]");
    if (outputs.length && [...outputs].every((o) => o.textContent.trim() !== "" || o.querySelector("input, svg"))) probe.at = performance.now();
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/**
 * One cold load (fresh profile) → every output shown (shownMs), every cell settled (loadMs), then, when `changes` > 0, slider x → all N
 * cells rewritten `changes` times after 3 uncounted ones, in the same page.
 */
export async function measureGrowthPage({ url, changes }) {
  const browser = await fw.launchChromium();
  try {
    const page = await browser.newPage();
    await page.addInitScript(settledProbe);
    await page.addInitScript(shownProbe);
    await page.goto(url);
    await page.waitForFunction(() => window.__settled?.at != null && window.__shown?.at != null, null, { timeout: 60000, polling: 50 });
    const { loadMs, shownMs } = await page.evaluate(() => ({ loadMs: window.__settled.at, shownMs: window.__shown.at }));
    const dom = [];
    const paint = [];
    for (let i = 0; changes > 0 && i < changes + 3; i++) {
      const r = await page.evaluate(changeAll, 1 + (i % 99));
      if (i < 3) continue;
      dom.push(r.domMs);
      paint.push(r.paintMs);
    }
    return { loadMs, shownMs, dom, paint };
  } finally {
    await browser.close();
  }
}

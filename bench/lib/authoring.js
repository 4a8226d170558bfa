// Authoring and editing: a saved .md file → the open dev page updated; an edit run in the page
// (the cell editor, Shift-Enter) → its dependents redrawn.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as fw from "../peers/framework/measure.mjs";
import { summarize } from "./stats.js";

/** In the page: resolves with the epoch time (ms) at which the page text first contains `marker`. */
function watchText(marker) {
  window.__textSeen = new Promise((resolve) => {
    const seen = () => document.body.textContent.includes(marker);
    const obs = new MutationObserver(() => {
      if (seen()) { obs.disconnect(); resolve(performance.timeOrigin + performance.now()); }
    });
    obs.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

/**
 * Dev server open on `worked-example`; the w slider is moved to 1.5 first. Each rep rewrites the
 * converges-message cell in the .md file with a new marker and times file write → marker in the
 * page (epoch clocks of Node and the page; both are this machine's). Checks the slider kept 1.5.
 */
export async function measureSaveToUpdate({ origin, dir, reps }) {
  const file = join(dir, "worked-example.md");
  const original = await readFile(file, "utf8");
  const browser = await fw.launchChromium();
  const times = [];
  let inputsKept = true;
  try {
    const page = await browser.newPage();
    await fw.installProbes(page);
    await page.goto(`${origin}/worked-example`);
    await fw.waitForAllCharts(page, { timeout: 60000 });
    await fw.timeSliderChange(page, "w", "1.50");
    await page.waitForTimeout(500);
    for (let i = 0; i < reps; i++) {
      const marker = `(save #${i + 1})`;
      await page.evaluate(watchText, marker);
      const text = original.replace("<p>Converges towards", `<p>Converges ${marker} towards`);
      if (text === original) throw new Error("worked-example.md has no converges message to edit");
      const t0 = performance.timeOrigin + performance.now();
      await writeFile(file, text);
      const t1 = await page.evaluate(() => Promise.race([window.__textSeen, new Promise((_, reject) => setTimeout(() => reject(new Error("page not updated within 10 s")), 10000))]));
      times.push(t1 - t0);
      const w = await page.evaluate(() => window.__fw.findSlider("w (slope)")?.value);
      if (w !== "1.5" && w !== "1.50") inputsKept = false;
      // Vite's watcher ignores a second write of the same file within its stability window.
      await page.waitForTimeout(250);
    }
  } finally {
    await writeFile(file, original);
    await browser.close();
  }
  return { ms: summarize(times), inputsKept };
}

/** In the page: on the next Shift-Enter keydown, times until every dependent was replaced. */
function watchDependents(dependents) {
  window.__edit = new Promise((resolve, reject) => {
    const before = dependents.map((s) => document.querySelector(s));
    let t0 = null;
    const onKey = (event) => { if (event.key === "Enter" && event.shiftKey && t0 === null) t0 = performance.now(); };
    window.addEventListener("keydown", onKey, true);
    const timer = setTimeout(() => reject(new Error("dependents not redrawn within 10 s")), 10000);
    const obs = new MutationObserver(() => {
      if (t0 === null) return;
      const done = dependents.every((s, i) => { const now = document.querySelector(s); return now && now !== before[i] && now.isConnected; });
      if (!done) return;
      const domMs = performance.now() - t0;
      obs.disconnect();
      clearTimeout(timer);
      window.removeEventListener("keydown", onKey, true);
      requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => resolve({ domMs, paintMs: performance.now() - t0 }); c.port2.postMessage(0); });
    });
    obs.observe(document.body, { childList: true, subtree: true });
  });
}

/**
 * The built worked example: opens the `steps` cell's editor (CodeMirror, as a reader does), and per
 * rep replaces its code (a changed start `let v = 0 * k`), presses Shift-Enter and times keydown →
 * the two α charts and the table replaced. The first run also loads the editor's compiler chunk.
 */
export async function measureEditRun({ url, reps }) {
  const browser = await fw.launchChromium();
  const first = [];
  const rest = [];
  try {
    const page = await browser.newPage();
    await fw.installProbes(page);
    await page.goto(url);
    await fw.waitForAllCharts(page, { timeout: 60000 });
    const details = page.locator("details.cell-code", { hasText: "const steps" }).first();
    const id = await details.locator("[data-editor]").getAttribute("data-editor");
    const editor = page.locator(`[data-editor="${id}"]`);
    if ((await editor.locator(".cm-content").count()) === 0) await page.locator(`[data-source-for="${id}"]`).click();
    await editor.locator(".cm-content").waitFor({ timeout: 30000 });
    const source = await editor.locator(".cm-content").innerText();
    for (let i = 0; i < reps; i++) {
      const code = source.replace("let v = 0;", `let v = 0 * ${i + 1};`);
      await editor.locator(".cm-content").click();
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.insertText(code);
      await page.evaluate(watchDependents, fw.SLIDERS.alpha.dependents);
      await page.keyboard.press("Shift+Enter");
      const r = await page.evaluate(() => window.__edit);
      (i === 0 ? first : rest).push(r);
      await page.waitForTimeout(100);
    }
  } finally {
    await browser.close();
  }
  return {
    first: first[0] ?? null,
    dom: summarize(rest.map((r) => r.domMs)),
    paint: summarize(rest.map((r) => r.paintMs)),
  };
}

// The growth chart: Observable Plot needs a DOM, so it is drawn in headless Chromium (Plot's and
// d3's UMD builds from node_modules) and saved as SVG.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as fw from "../peers/framework/measure.mjs";
import { repoDir } from "./ours.js";

/**
 * rows: [{cells, metric, ms}] for the metrics compile (cold), load (all cells settled) and slider
 * (median, all cells updated). Log-log small multiples, one line per metric.
 */
export async function renderGrowthChart(rows, file) {
  const browser = await fw.launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent("<!doctype html><body></body>");
    await page.addScriptTag({ path: join(repoDir, "node_modules/d3/dist/d3.min.js") });
    await page.addScriptTag({ path: join(repoDir, "node_modules/@observablehq/plot/dist/plot.umd.min.js") });
    const svg = await page.evaluate((data) => {
      const chart = Plot.plot({
        width: 640,
        height: 300,
        marginRight: 90,
        style: { background: "white", fontSize: "11px" },
        x: { type: "log", label: "cells in the lesson", ticks: [10, 100, 1000] },
        y: { type: "log", label: "time (ms)", grid: true },
        color: { legend: false },
        marks: [
          Plot.line(data, { x: "cells", y: "ms", stroke: "metric", marker: "circle" }),
          Plot.text(data, Plot.selectMaxX({ x: "cells", y: "ms", z: "metric", text: "metric", fill: "metric", dx: 6, textAnchor: "start" })),
        ],
        ariaLabel: "live-lesson: compile, load and slider times against the number of cells",
      });
      chart.setAttribute("xmlns", "http://www.w3.org/2000/svg");
      return chart.outerHTML;
    }, rows);
    await writeFile(file, svg + "\n");
  } finally {
    await browser.close();
  }
}

// Which prerendered outputs a built page may keep at start (data-static): not those of a cell that
// could read more than its inputs, nor of a cell that reads from one (src/run/findStaticOutputs.ts).
import { describe, expect, it } from "vitest";
import { findOutsideReaders } from "../../src/run/findStaticOutputs.ts";

const cellOf = (id: string, source: string, inputs: string[] = [], outputs: string[] = []) => ({ id, source, inputs, outputs });

describe("findOutsideReaders", () => {
  it("finds a cell that names the window, the theme, the document around it, the clock or chance", () => {
    const readers = ["window.innerWidth", "matchMedia('(prefers-color-scheme: dark)').matches", "new Date()", "Math.random()", "getComputedStyle(document.body).color", "display(x).closest('section')", "localStorage.getItem('k')"];
    for (const source of readers) expect([...findOutsideReaders([cellOf("a", `Plot.plot({ caption: String(${source}) })`, ["Plot"])])], source).toEqual(["a"]);
  });

  it("finds every cell that reads from one, however far down and however ordered, and no other", () => {
    const chart = cellOf("chart", "Plot.dot(points).plot()", ["Plot", "points"]);
    const points = cellOf("points", "const points = [1, dark ? 2 : 3]", ["dark"], ["points"]);
    const dark = cellOf("dark", "const dark = matchMedia('(prefers-color-scheme: dark)').matches", [], ["dark"]);
    const plain = cellOf("plain", "Plot.dot([1, 2]).plot({ width: 300 })", ["Plot"]);
    expect([...findOutsideReaders([chart, points, plain, dark])].sort()).toEqual(["chart", "dark", "points"]);
    expect([...findOutsideReaders([plain])]).toEqual([]);
  });
});

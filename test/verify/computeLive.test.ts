import { describe, expect, it } from "vitest";
import { compileLesson } from "../../src/compile/index.ts";
import { computeLive } from "../../src/verify/computeLive.ts";

const source = `# Live

\`\`\`ts
const w = view(Inputs.range([0, 4], {value: 0, label: "w"}));
\`\`\`

\`\`\`ts
import {sumSquaredGrad} from "live-lesson/math";
const alpha = 0.05;
const next = (v: number) => v - alpha * sumSquaredGrad(v);
\`\`\`

One step: [[\${next(w)} ± 0.01]]. The slope: [[\${28 * w - 68}]]. A width: [[\${width}]]. Drawn: [[\${chart}]].

\`\`\`ts
const chart = display(Plot.plot({marks: []}));
\`\`\`
`;
const lesson = compileLesson(source, { file: "live.md" });
const cellOf = (n: number) => {
  const answer = lesson.learning.blanks[n].answers[0];
  if (answer.kind !== "live" || !answer.cell) throw new Error(`blank ${n} is not live`);
  return answer.cell;
};

describe("computeLive", () => {
  it("recomputes a live answer with the recorded inputs, running the cells it depends on (imports too)", async () => {
    expect(lesson.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(await computeLive(lesson, { w: 1 }, [cellOf(1)])).toEqual({ [cellOf(1)]: -40 });
    const stepped = await computeLive(lesson, { w: 0 }, [cellOf(0)]);
    expect(stepped[cellOf(0)]).toBeCloseTo(3.4, 10);
  });

  it("refuses what needs the page, naming why, rather than guessing", async () => {
    await expect(computeLive(lesson, {}, [cellOf(1)])).rejects.toThrow(/the input "w" \(line \d+\) was not recorded/);
    await expect(computeLive(lesson, { w: 1 }, [cellOf(2)])).rejects.toThrow("it depends on width, which needs the page");
    await expect(computeLive(lesson, { w: 1 }, [cellOf(3)])).rejects.toThrow("it depends on Plot, which needs the page");
    await expect(computeLive(lesson, { w: 1 }, ["nope"])).rejects.toThrow("no cell nope");
  });
});

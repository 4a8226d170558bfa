// Lint: unlabelled inputs, charts and images without a text alternative, broken lesson links, no title.
import { describe, expect, test } from "vitest";
import { checkLesson } from "../../src/check/checkLesson.ts";

const fixture = (name: string) => `test/fixtures/check/${name}`;
const lint = (name: string) =>
  checkLesson(fixture(name))
    .problems.filter((p) => p.code === "lint")
    .map(({ file, line, column, severity }) => `${file}:${line}:${column} ${severity}`);

describe("lint", { timeout: 60_000 }, () => {
  test("an input without a label", () => {
    expect(lint("unlabelled-slider.md")).toEqual([`${fixture("unlabelled-slider.md")}:6:16 warning`]);
  });

  test("charts and images without a text alternative", () => {
    expect(lint("chart-no-alt.md")).toEqual([
      `${fixture("chart-no-alt.md")}:6:1 warning`,
      `${fixture("chart-no-alt.md")}:14:1 warning`,
      `${fixture("chart-no-alt.md")}:17:12 warning`,
      `${fixture("chart-no-alt.md")}:17:33 warning`,
    ]);
  });

  test("front matter without a title is an error", () => {
    expect(lint("no-title.md")).toEqual([`${fixture("no-title.md")}:1:1 error`]);
  });

  test("links to lessons that do not exist are errors; existing lessons, anchors and the web pass", () => {
    const problems = checkLesson(fixture("broken-link.md")).problems.filter((p) => p.code === "link");
    expect(problems.map(({ line, column, severity }) => `${line}:${column} ${severity}`)).toEqual(["5:63 error", "7:16 error"]);
    expect(problems[0]!.message).toContain("missing-lesson.md");
  });

  test("a clean lesson has nothing to lint", () => {
    expect(lint("clean.md")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { compileLesson } from "../../src/compile/index.ts";
import { countReadingMinutes, describeLesson } from "../../src/site/describeLesson.ts";

describe("describeLesson", () => {
  it("takes title, chapter, order, summary and minutes from the front matter, and counts errors", () => {
    const source = "---\ntitle: T\nchapter: L1-02\norder: 2\nsummary: S\nminutes: 7\n---\n\n```ts\nconst = ;\n```\n";
    expect(describeLesson("/l/t.md", source, compileLesson(source, { file: "t.md" }))).toEqual({
      slug: "t",
      path: "/l/t.md",
      title: "T",
      chapter: "L1-02",
      order: 2,
      summary: "S",
      minutes: 7,
      errors: 1,
      items: [],
      next: undefined,
      prerequisites: [],
    });
  });

  it("lists the items the lesson's progress counts: blanks, predictions, sections", () => {
    const source = "# T\n\n## One\n\n> [!PREDICT]\n> Two and two is [[4]].\n\nShown after.\n";
    const lesson = compileLesson(source, { file: "t.md" });
    expect(describeLesson("/l/t.md", source, lesson).items).toEqual([
      ["blank", lesson.learning.blanks[0].id],
      ["predict", lesson.learning.predictions[0].id],
      ["section", "one"],
    ]);
  });

  it("keeps next and prerequisites as the chapter ids written (the site resolves them)", () => {
    const source = "---\ntitle: T\nnext: L1-04\nprerequisites: [L1-01, \" L1-02 \"]\n---\n";
    expect(describeLesson("/l/t.md", source, compileLesson(source, { file: "t.md" }))).toMatchObject({ next: "L1-04", prerequisites: ["L1-01", "L1-02"] });
  });

  it("falls back on the file name and the counted reading time", () => {
    const entry = describeLesson("/l/no-title.md", "Some prose.\n", compileLesson("Some prose.\n", { file: "no-title.md" }));
    expect(entry).toMatchObject({ slug: "no-title", title: "no-title", minutes: 1, errors: 0 });
    expect(entry.order).toBeUndefined();
  });

  it("counts reading time at ~200 words a minute, prose only", () => {
    const words = (n: number) => Array.from({ length: n }, () => "word").join(" ");
    expect(countReadingMinutes("")).toBe(1);
    expect(countReadingMinutes(words(1000))).toBe(5);
    const code = "```ts\n" + words(5000) + "\n```\n";
    const frontMatter = "---\ntitle: " + words(3000) + "\n---\n";
    expect(countReadingMinutes(frontMatter + words(600) + "\n\n" + code)).toBe(3);
  });
});

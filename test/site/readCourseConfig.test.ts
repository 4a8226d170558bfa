// course.yml: every field read, defaults for the rest, every bad value an error at its place.
import { describe, expect, it } from "vitest";
import { parseCourseConfig } from "../../src/site/readCourseConfig.ts";

describe("parseCourseConfig", () => {
  it("reads every field", () => {
    const text = "title: Calculus\ndescription: A course.\nbase: /calc/\nmathReference: false\nparts:\n  - title: One\n    lessons: [a, b.md]\n  - title: Two\n    lessons:\n      - c\n";
    const { config, problems } = parseCourseConfig(text, "course.yml");
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ title: "Calculus", description: "A course.", base: "/calc/", mathReference: false });
    expect(config.parts).toEqual([{ title: "One", lessons: ["a", "b"] }, { title: "Two", lessons: ["c"] }]);
    expect(config.order.map((n) => `${n.slug}@${n.line}:${n.column}`)).toEqual(["a@7:15", "b@7:18", "c@10:9"]);
  });

  it("keeps the defaults for an empty file", () => {
    expect(parseCourseConfig("", "course.yml")).toEqual({ config: { title: "Live Lessons", order: [], parts: [], mathReference: true }, problems: [] });
  });

  it("reports each bad value at its line and column", () => {
    const text = "title: 3\nbase: my-course\ntheme: dark\norder: a\nmathReference: yes please\n";
    const { problems } = parseCourseConfig(text, "course.yml");
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`)).toEqual([
      "course.yml:1:8 config",
      "course.yml:2:7 config",
      "course.yml:3:1 config",
      "course.yml:4:8 config",
      "course.yml:5:16 config",
    ]);
    expect(problems[2]!.message).toContain('unknown field "theme": the fields are title, description, base, order, parts, mathReference');
  });

  it("reports bad YAML, a lesson named twice, and order beside parts", () => {
    expect(parseCourseConfig("title: [unclosed\n", "course.yml").problems[0]).toMatchObject({ severity: "error", code: "config", line: 1 });
    const twice = parseCourseConfig("order: [a, b, a]\n", "course.yml").problems;
    expect(twice.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual(['1:15 course.yml: "a" is named twice in the reading order']);
    const both = parseCourseConfig("order: [a]\nparts:\n  - title: P\n    lessons: [b]\n", "course.yml").problems;
    expect(both[0]!.message).toContain("order and parts both set the reading order");
  });
});

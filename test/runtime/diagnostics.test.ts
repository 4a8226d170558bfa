import { describe, expect, it } from "vitest";
import { formatDiagnostic, type Diagnostic } from "../../src/contract/diagnostic.ts";
import { groupDiagnostics } from "../../src/runtime/diagnostics.ts";
import { unplacedDiagnostics } from "../../src/runtime/hotUpdate.ts";
import { createImporter } from "../../src/runtime/importModule.ts";

const diagnostics: Diagnostic[] = [
  { severity: "error", code: "syntax", message: "Unexpected token", line: 12, column: 5, cell: "c1" },
  { severity: "warning", code: "unused", message: "x is unused", line: 13, column: 1, cell: "c1" },
  { severity: "error", code: "yaml", message: "bad front matter", line: 2, column: 1 },
  { severity: "warning", code: "undefined-name", message: "y is not defined", line: 30, column: 2, cell: "gone" },
];

describe("diagnostics", () => {
  it("groups by cell, keeping lesson-level ones under undefined", () => {
    const groups = groupDiagnostics(diagnostics);
    expect(groups.get("c1")?.map((d) => d.code)).toEqual(["syntax", "unused"]);
    expect(groups.get(undefined)?.map((d) => d.code)).toEqual(["yaml"]);
  });

  it("formats file:line:col message, without the severity, as the page shows it", () => {
    expect(formatDiagnostic("lessons/a.md", diagnostics[0]!, { severity: false })).toBe("lessons/a.md:12:5 Unexpected token");
  });

  it("lists those no cell on the page shows", () => {
    expect(unplacedDiagnostics(diagnostics, new Map([["c1", {}]])).map((d) => d.code)).toEqual(["yaml", "undefined-name"]);
  });
});

describe("createImporter", () => {
  it("loads a known module and rejects an unknown one with a clear message", async () => {
    const load = createImporter({ "live-lesson/math": async () => ({ adam: 1 }) }, "a.md");
    await expect(load("live-lesson/math")).resolves.toEqual({ adam: 1 });
    await expect(load("lodash")).rejects.toThrow('cannot import "lodash": a.md can only import "live-lesson/math"');
    await expect(load("toString")).rejects.toThrow(/cannot import "toString"/);
  });
});

// `lesson compile <file> [--json]`: the machine-readable shape and the exit code.

import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCompile } from "../../src/cli/compile.ts";
import { capture } from "./capture.ts";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

const run = (args: string[]) => capture(() => runCompile(args));

describe("lesson compile", () => {
  it("prints the DESIGN.md JSON shape and exits 0 for a clean lesson", async () => {
    const { code, out } = await run([fixture("cells.md"), "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(["file", "title", "cells", "diagnostics"]);
    expect(json.title).toBe("Cells");
    expect(json.cells[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{10}$/),
      line: 10,
      column: 1,
      lang: "ts",
      inline: false,
      inputs: [],
      outputs: [],
      expression: true,
      options: { hide: false, run: true, editable: true },
    });
    expect(json.diagnostics).toEqual([]);
  });

  it("exits 1 and prints file:line:col severity message when a lesson has errors", async () => {
    const { code, out } = await run([fixture("diagnostics.md")]);
    expect(code).toBe(1);
    expect(out).toContain(`${fixture("diagnostics.md")}:6:21 error SyntaxError: Unexpected token`);
    expect(out).toMatch(/:32:21 error "missing" is not defined by any cell/);
  });

  it("reports diagnostics in JSON with their cell", async () => {
    const { code, out } = await run(["--json", fixture("diagnostics.md")]);
    expect(code).toBe(1);
    const { diagnostics } = JSON.parse(out);
    expect(diagnostics[0]).toEqual({
      severity: "error",
      code: "syntax",
      message: "SyntaxError: Unexpected token",
      line: 6,
      column: 21,
      cell: expect.any(String),
    });
  });

  it("prints a summary of the cells and the diagnostics without --json", async () => {
    const { code, out } = await run([fixture("cells.md")]);
    expect(code).toBe(0);
    expect(out.split("\n")[0]).toBe(`${fixture("cells.md")}: "Cells"`);
    expect(out).toMatch(/^  line 10: ts expression$/m);
    expect(out.split("\n").at(-1)).toBe("0 errors, 0 warnings");
  });

  it("exits 1 on a missing file or bad arguments", async () => {
    expect((await run([fixture("nope.md")])).code).toBe(1);
    expect((await run([])).code).toBe(1);
    expect((await run(["a.md", "--bogus"])).code).toBe(1);
    expect((await run(["--help"])).code).toBe(0);
  });
});

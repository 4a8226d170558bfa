import { describe, expect, it } from "vitest";
import { parseCommandArgs } from "../../src/cli/parseCommandArgs.ts";
import { capture } from "./capture.ts";

const options = { out: { type: "string" as const, default: "dist" }, json: { type: "boolean" as const } };

describe("parseCommandArgs", () => {
  it("parses options and positionals", () => {
    const parsed = parseCommandArgs("build", "Usage: lesson build", ["lessons", "--out", "site", "--json"], options);
    expect(parsed).not.toBeTypeOf("number");
    if (typeof parsed === "number") return;
    expect(parsed.positionals).toEqual(["lessons"]);
    expect(parsed.values).toEqual({ out: "site", json: true });
  });

  it("answers --help and -h with the usage and exit code 0", async () => {
    for (const flag of ["--help", "-h"]) {
      const { code, out } = await capture(async () => parseCommandArgs("build", "Usage: lesson build", [flag], options) as number);
      expect(code).toBe(0);
      expect(out).toBe("Usage: lesson build");
    }
  });

  it("reports a bad option with the command's name and usage, exit code 1", async () => {
    const { code, err } = await capture(async () => parseCommandArgs("build", "Usage: lesson build", ["--bogus"], options) as number);
    expect(code).toBe(1);
    expect(err).toMatch(/^lesson build: .*--bogus/);
    expect(err).toContain("Usage: lesson build");
    const missing = await capture(async () => parseCommandArgs("build", "Usage", ["--out"], options) as number);
    expect(missing.code).toBe(1);
  });
});

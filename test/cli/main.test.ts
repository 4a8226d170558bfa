// `lesson <command>`: the dispatch to one file per command, and the usage.
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { capture } from "./capture.ts";

describe("lesson", () => {
  it("prints the usage: exit 1 without a command, 0 with --help", async () => {
    const none = await capture(() => main([]));
    expect(none.code).toBe(1);
    expect(none.out).toContain("Usage: lesson <command> [options]");
    const help = await capture(() => main(["--help"]));
    expect(help.code).toBe(0);
    for (const command of ["dev", "build", "new", "check", "compile", "verify"]) expect(help.out).toMatch(new RegExp(`^  ${command}\\b`, "m"));
  });

  it("refuses an unknown command, naming it", async () => {
    const { code, err } = await capture(() => main(["bulid"]));
    expect(code).toBe(1);
    expect(err).toContain('lesson: unknown command "bulid"');
  });

  it("hands the rest of the arguments to the command", async () => {
    for (const command of ["dev", "build", "new", "check", "compile", "verify"]) {
      const { code, out } = await capture(() => main([command, "--help"]));
      expect(code, command).toBe(0);
      expect(out, command).toContain(`Usage: lesson ${command}`);
    }
  });
});

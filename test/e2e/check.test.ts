// `lesson check` with its headless run: a cell that throws in Chromium is reported at its line.
import { afterEach, describe, expect, test, vi } from "vitest";
import { runCheck } from "../../src/cli/check.ts";

const throws = "test/fixtures/check/runtime/throws.md";
const clean = "test/fixtures/check/clean.md";

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs `lesson check --json` on `files` and returns the exit code and the problems. */
async function check(files: string[]): Promise<{ code: number; problems: Array<Record<string, unknown>> }> {
  const out: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...args) => void out.push(args.join(" ")));
  vi.spyOn(console, "error").mockImplementation(() => {});
  const code = await runCheck([...files, "--json"]);
  return { code, problems: JSON.parse(out.join("\n")) };
}

describe("lesson check (headless run)", () => {
  test("a cell that throws at run time is reported at its line; its readers are not", async () => {
    const { code, problems } = await check([throws]);
    expect(code).toBe(1);
    const runtime = problems.filter((p) => p.code === "runtime");
    expect(runtime).toHaveLength(1);
    expect(runtime[0]).toMatchObject({ file: throws, line: 10, column: 1, severity: "error" });
    expect(runtime[0]!.message).toContain("boom at run time");
  });

  test("a clean lesson runs without a problem", async () => {
    const { code, problems } = await check([clean]);
    expect(problems).toEqual([]);
    expect(code).toBe(0);
  });
});

// `lesson dev`: its options, and the server it starts, serves and stops.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runDev } from "../../src/cli/dev.ts";
import { capture } from "./capture.ts";

const scratch = fileURLToPath(new URL("../../node_modules/.live-lesson-test/", import.meta.url));
mkdirSync(scratch, { recursive: true });
const dir = mkdtempSync(join(scratch, "cli-dev-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("lesson dev", { timeout: 60_000 }, () => {
  it("refuses a port that is not one, and a missing folder", async () => {
    for (const port of ["http", "70000", "1.5"]) {
      const { code, err } = await capture(() => runDev([dir, "--port", port]));
      expect(code, port).toBe(1);
      expect(err).toContain("--port must be a port number");
    }
    const missing = await capture(() => runDev([join(dir, "missing")]));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("lesson dev: no folder");
  });

  it("serves the lessons at the URL it prints until it is interrupted", async () => {
    writeFileSync(join(dir, "a.md"), "---\ntitle: Served\n---\n\n# Served\n");
    let found: (url: string) => void;
    const url = new Promise<string>((resolve) => (found = resolve));
    const running = capture(
      () => runDev([dir, "--host", "127.0.0.1", "--port", "0"]),
      (line) => {
        const match = /Local:\s+\S*(http:\/\/127\.0\.0\.1:\d+\/)/.exec(line.replace(/\x1b\[[0-9;]*m/g, ""));
        if (match) found(match[1]!);
      },
    );
    const index = await (await fetch(await url)).text();
    expect(index).toContain('href="./a.html"');
    process.emit("SIGINT");
    expect((await running).code).toBe(0);
  });
});

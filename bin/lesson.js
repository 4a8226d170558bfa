#!/usr/bin/env node
// The `lesson` command runs the compiled package (lib/), so it starts with no TypeScript loader.
// In a checkout of live-lesson (scripts/ is not shipped) it first brings lib/ up to date with src/.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const build = new URL("../scripts/buildPackage.js", import.meta.url);
if (existsSync(build)) {
  const { status } = spawnSync(process.execPath, [fileURLToPath(build), "--quiet"], { stdio: "inherit" });
  if (status !== 0) process.exit(1);
}
const { main } = await import("../lib/cli/main.js");
process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// The `lesson` command: the compiled package (lib/, built from src/ by scripts/buildPackage.js,
// which `npm install` runs in this repository), so it starts with no TypeScript loader.
import { existsSync } from "node:fs";

const main = new URL("../lib/cli/main.js", import.meta.url);
if (!existsSync(main)) {
  console.error("lesson: lib/ is missing: this is a checkout of live-lesson that was never built; run `npm install` (or `node scripts/buildPackage.js`) in it");
  process.exit(1);
}
process.exitCode = await (await import(main.href)).main(process.argv.slice(2));

#!/usr/bin/env node
// The `lesson` command. Sources are TypeScript; tsx registers a loader so no build step is needed.
import { register } from "tsx/esm/api";
register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));

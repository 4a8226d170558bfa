// `lesson guide [--port N] [--open]`: the authoring guide, live, from the installed package. The
// guide is a lesson (lessons/authoring.md, shipped in the package), so the dev server shows it
// with every feature working, and an instructor can try an example in the page before copying it.
import { fileURLToPath } from "node:url";
import { runDev } from "./dev.ts";

/** The folder of the guide: `lessons/` beside `lib/` (installed) or `src/` (this repository). */
export const guideDir = fileURLToPath(new URL("../../lessons/", import.meta.url));

/** Serves the guide with `lesson dev`'s options; resolves to the exit code. */
export async function runGuide(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(`Usage: lesson guide [--port N] [--host H] [--open]

Serves the authoring guide ("Writing a lesson": every feature of a lesson, working) from
${guideDir}authoring.md, with the dev server's options.`);
    return 0;
  }
  if (args.some((arg) => !arg.startsWith("-") && !/^\d+$/.test(arg))) {
    console.error("lesson guide: takes no folder (it serves the guide shipped with live-lesson); see lesson guide --help");
    return 1;
  }
  return runDev([guideDir, ...args]);
}

// Where live-lesson itself is installed: bare imports a lesson's folder lacks resolve from here.
import { fileURLToPath } from "node:url";

/** Absolute path of the live-lesson package (the folder holding package.json), no trailing slash. */
export const packageRoot = fileURLToPath(new URL("../..", import.meta.url)).replace(/[\\/]$/, "");

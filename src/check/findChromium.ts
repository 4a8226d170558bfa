// Which Chromium the headless run of `lesson check` drives: CHROMIUM_PATH, else the first browser
// found where Debian, Ubuntu, CI images, macOS and Windows install Chromium or Chrome.
import { existsSync } from "node:fs";

/** Where Chromium and Chrome are commonly installed, in the order they are tried. */
export const chromiumPlaces = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
  "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
];

/** The browser to launch, or why there is none (one sentence that says how to get one). */
export type FoundChromium = { path: string } | { missing: string };

/** CHROMIUM_PATH when set (and only it), else the first of `places` that exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, places: readonly string[] = chromiumPlaces): FoundChromium {
  const chosen = env.CHROMIUM_PATH;
  if (chosen) {
    return existsSync(chosen) ? { path: chosen } : { missing: `CHROMIUM_PATH is ${chosen}, which does not exist: point it at a Chromium or Chrome binary` };
  }
  const found = places.find((place) => existsSync(place));
  if (found) return { path: found };
  return {
    missing:
      "no Chromium or Chrome found: install one (Debian, Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH " +
      "to its binary; --no-run skips the headless run",
  };
}

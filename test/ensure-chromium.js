// Run before the tests: browser tests need Debian's Chromium. Install it when we can (root, apt),
// otherwise fail at once with the command that gets it.
import { existsSync } from "node:fs";
import { execSync } from "node:child_process";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!existsSync(chromium)) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot) {
    console.log(`Chromium is missing at ${chromium}; installing Debian's chromium (apt-get)…`);
    try {
      execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", {
        stdio: "inherit",
      });
    } catch {
      // Reported below with the command to run by hand.
    }
  }
  if (!existsSync(chromium)) {
    console.error(
      `The browser tests need Chromium at ${chromium}.\n` +
        `Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n` +
        `or point CHROMIUM_PATH at a Chromium binary.`,
    );
    process.exit(1);
  }
}

// Emoji in lessons (💡 🔬 ⏸) render as empty boxes without a colour emoji font, which headless
// Debian lacks; screenshots and the reader's view need one. Best effort: never fails the tests.
const emojiFont = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf";
if (!existsSync(emojiFont) && typeof process.getuid === "function" && process.getuid() === 0) {
  console.log("Installing Debian's fonts-noto-color-emoji for the browser tests (apt-get)…");
  try {
    execSync("DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-color-emoji || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-color-emoji)", {
      stdio: "inherit",
      timeout: 180_000,
    });
  } catch {
    console.warn("Could not install fonts-noto-color-emoji; emoji will show as boxes in screenshots.");
  }
}

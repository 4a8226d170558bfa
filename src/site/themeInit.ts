// The tiny classic script every page runs first, inline in <head>: it applies the reader's stored
// theme before the first paint, so a dark-theme reader never sees a light flash. It is inline, not a
// file, because a parser-blocking script file at the top of <head> delays every other request of
// the page (measured in bench/: ~130 ms); built pages allow exactly this script by its hash. It
// mirrors readTheme in src/runtime/themeToggle.ts; the system preference needs no script (CSS does).
import { createHash } from "node:crypto";

/** The source of the theme script. */
export const themeInitSource = `// live-lesson: apply the stored light/dark choice before the first paint.
(function () {
  try {
    var theme = localStorage.getItem("live-lesson-theme");
    if (theme === "light" || theme === "dark") {
      document.documentElement.dataset.theme = theme;
      document.documentElement.style.colorScheme = theme;
    }
  } catch (error) {
    // Storage turned off: the system preference applies.
  }
})();
`;

/** The CSP source that allows exactly the theme script (`'sha256-…'`). */
export const themeInitHash = `'sha256-${createHash("sha256").update(themeInitSource).digest("base64")}'`;

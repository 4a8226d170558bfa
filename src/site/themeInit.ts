// The tiny classic script every page runs first, inline in <head>: it applies the reader's stored
// theme before the first paint, so a dark-theme reader never sees a light flash. It is inline, not a
// file, because a parser-blocking script file at the top of <head> delays every other request of
// the page (measured in bench/: ~130 ms); built pages allow exactly this script by its hash. It
// mirrors readTheme in src/runtime/themeToggle.ts; the system preference needs no script (CSS does).
// It also answers the theme button until the runtime takes it over, so an early click is not lost.
import { createHash } from "node:crypto";

/** The source of the theme script. */
export const themeInitSource = `// live-lesson: apply the stored light/dark choice before the first paint.
(function () {
  var root = document.documentElement;
  try {
    var theme = localStorage.getItem("live-lesson-theme");
    if (theme === "light" || theme === "dark") {
      root.dataset.theme = theme;
      root.style.colorScheme = theme;
    }
  } catch (error) {
    // Storage turned off: the system preference applies.
  }
  // A click on the theme button before the page's script has taken it over (it then marks it
  // aria-pressed) switches the theme here, and stores it for the script to apply.
  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element && event.target.closest("[data-theme-toggle]");
    if (!button || button.hasAttribute("aria-pressed")) return;
    var current = root.dataset.theme || (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
    var next = current === "dark" ? "light" : "dark";
    root.dataset.theme = next;
    root.style.colorScheme = next;
    try {
      localStorage.setItem("live-lesson-theme", next);
    } catch (error) {
      // Not stored: the choice holds for this page until the script starts.
    }
  });
})();
`;

/** The CSP source that allows exactly the theme script (`'sha256-…'`). */
export const themeInitHash = `'sha256-${createHash("sha256").update(themeInitSource).digest("base64")}'`;

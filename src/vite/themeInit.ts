// The tiny classic script every page loads first, in <head>: it applies the reader's stored theme
// before the first paint, so a dark-theme reader never sees a light flash. It is a file, not an
// inline script, because built pages forbid inline scripts (CSP `script-src 'self'`). It mirrors
// readTheme in src/runtime/themeToggle.ts; the system preference needs no script (CSS follows it).

/** The file name of the theme script, next to the pages (dev and build). */
export const themeInitFile = "theme-init.js";

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

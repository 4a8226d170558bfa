// The light/dark toggle: sets `data-theme` on <html> and remembers the reader's choice.

const key = "live-lesson-theme";

/** The theme to apply: the stored choice, else the system preference. */
export function readTheme(): "light" | "dark" {
  try {
    const stored = localStorage.getItem(key);
    if (stored === "light" || stored === "dark") return stored;
  } catch {
    // Storage can be disabled (private mode, sandboxed frames): fall back to the system.
  }
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** Applies a stored choice at load and makes `button` switch between light and dark. */
export function installThemeToggle(button: HTMLElement): () => void {
  const apply = (theme: "light" | "dark", persist: boolean): void => {
    document.documentElement.dataset.theme = theme;
    // The inline theme script (src/site/themeInit.ts) sets this before the first paint; keep it in step.
    document.documentElement.style.colorScheme = theme;
    button.setAttribute("aria-pressed", String(theme === "dark"));
    button.setAttribute("aria-label", theme === "dark" ? "Switch to light theme" : "Switch to dark theme");
    button.title = button.getAttribute("aria-label")!;
    if (!persist) return;
    try {
      localStorage.setItem(key, theme);
    } catch {
      // Not persisted; the choice still holds for this page.
    }
  };
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(key);
  } catch {
    stored = null;
  }
  apply(readTheme(), false);
  if (stored !== "light" && stored !== "dark") {
    delete document.documentElement.dataset.theme;
    document.documentElement.style.removeProperty("color-scheme");
  }
  const onClick = () => apply(readCurrentTheme() === "dark" ? "light" : "dark", true);
  button.addEventListener("click", onClick);
  return () => button.removeEventListener("click", onClick);
}

function readCurrentTheme(): "light" | "dark" {
  const theme = document.documentElement.dataset.theme;
  if (theme === "light" || theme === "dark") return theme;
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

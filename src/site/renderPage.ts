// The HTML shell of each page: header, navigation, the lesson body and the module script.
import type { LessonEntry } from "./describeLesson.ts";
import { contentSecurityPolicy } from "./contentSecurityPolicy.ts";
import { themeInitSource } from "./themeInit.ts";
import { renderProgressBar } from "../learn/createProgressBar.ts";
import { summarizeProgress } from "../learn/summarizeProgress.ts";

/** How a page is rendered: what every page of the site shares, and what differs between dev and build. */
export interface PageOptions {
  /** Shown in the header and in every page title. */
  siteTitle: string;
  /** The course's description (course.yml): under the index's title, and its meta description. */
  description?: string;
  /** The `src` of the page's module script (differs between dev and build). */
  scriptSrc: string;
  /** Add the Content-Security-Policy meta (built pages; the dev server sends the same policy as a header). */
  csp: boolean;
  /** Run the theme script (themeInit.ts) inline before the first paint. */
  themeScript?: boolean;
  /** Mark the lesson for type warnings from the dev server (`data-type-warnings`, read by the runtime's startPage). */
  typeWarnings?: boolean;
}

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page URL of a lesson, relative so the site works from any sub-path. */
export function lessonHref(slug: string): string {
  return `./${encodeURIComponent(slug)}.html`;
}

function renderHead(title: string, description: string | undefined, site: PageOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${site.csp ? `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy("meta")}">\n` : ""}<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
${site.themeScript ? `<script>${themeInitSource}</script>\n` : ""}<title>${escapeHtml(title)}</title>
${description ? `<meta name="description" content="${escapeHtml(description)}">\n` : ""}<script type="module" src="${escapeHtml(site.scriptSrc)}"></script>
</head>`;
}

// The chrome uses the runtime theme's classes (site-header, theme-toggle, lesson-nav, lesson-meta,
// lesson-index) so pages and lessons share one look; `ll-*` classes are this plugin's own tweaks.
function renderHeader(site: PageOptions, isIndex: boolean): string {
  return `<header class="site-header">
<a href="./index.html">${escapeHtml(site.siteTitle)}</a>
${isIndex ? "" : `<nav aria-label="Site"><a href="./index.html">All lessons</a></nav>\n`}<button type="button" class="theme-toggle" data-theme-toggle aria-label="Switch between light and dark theme">◐ Theme</button>
</header>`;
}

function renderPager(previous: LessonEntry | undefined, next: LessonEntry | undefined): string {
  const link = (entry: LessonEntry | undefined, rel: "prev" | "next") =>
    entry
      ? `<a rel="${rel}" href="${lessonHref(entry.slug)}"><small>${rel === "prev" ? "← Previous" : "Next →"}</small>${escapeHtml(entry.title)}</a>`
      : "";
  return `<footer class="ll-lesson-footer">
<nav class="lesson-nav" aria-label="Previous and next lesson">
${link(previous, "prev")}
${link(next, "next")}
</nav>
</footer>`;
}

function renderMeta(entry: LessonEntry): string {
  const parts = [entry.chapter, `${entry.minutes} min read`].filter(Boolean) as string[];
  return parts.map((part) => `<span>${escapeHtml(part)}</span>`).join(" · ");
}

/** What a lesson page shows besides the site's chrome. */
export interface LessonPage {
  entry: LessonEntry;
  /** The compiled body, links to other lessons already given their page URLs. */
  bodyHtml: string;
  previous?: LessonEntry;
  /** The "Next →" link: front matter `next`, else the following lesson in reading order. */
  next?: LessonEntry;
  /** The lessons front matter `prerequisites` names, linked at the top of the page. */
  prerequisites?: LessonEntry[];
}

function renderPrerequisites(prerequisites: readonly LessonEntry[]): string {
  if (!prerequisites.length) return "";
  const links = prerequisites.map((entry) => `<a href="${lessonHref(entry.slug)}">${escapeHtml(entry.title)}</a>`);
  return `<nav class="ll-prerequisites" aria-label="Prerequisites"><span>Before this lesson:</span> ${links.join(", ")}</nav>\n`;
}

/**
 * The progress bar as it reads before the reader's record is open (nothing done yet): the page's
 * learning side adopts it, so the lesson below never moves when the bar appears (no layout shift).
 */
function renderProgressPlaceholder(entry: LessonEntry): string {
  const items = entry.items.map(([kind, id]) => ({ kind, id }));
  return renderProgressBar({ fraction: 0, summary: summarizeProgress(items, () => false) }, { placeholder: true });
}

/**
 * A lesson page. The compiled body is rendered here too (not only by the runtime) so prose, math
 * and images show before JavaScript runs, and so the build rewrites the lesson's asset URLs.
 */
export function renderLessonPage({ entry, bodyHtml, previous, next, prerequisites = [] }: LessonPage, site: PageOptions): string {
  return `${renderHead(`${entry.title} · ${site.siteTitle}`, entry.summary, site)}
<body>
${renderHeader(site, false)}
<section class="ll-lesson-meta" aria-label="About this lesson"><p class="lesson-meta">${renderMeta(entry)}</p></section>
${renderPrerequisites(prerequisites)}${renderProgressPlaceholder(entry)}
<main id="lesson" data-lesson="${escapeHtml(entry.slug)}"${site.typeWarnings ? " data-type-warnings" : ""}>
${bodyHtml}
</main>
${renderPager(previous, next)}
</body>
</html>
`;
}

/** A group of lessons on the index: a part of the course (with its title) or all of them. */
export interface IndexGroup {
  title?: string;
  entries: LessonEntry[];
}

function renderIndexItem(entry: LessonEntry): string {
  const errors = entry.errors ? ` · <span class="ll-index-errors">${entry.errors} error${entry.errors > 1 ? "s" : ""}</span>` : "";
  return `<li data-slug="${escapeHtml(entry.slug)}" data-lesson-file="${escapeHtml(`${entry.slug}.md`)}" data-learning-items="${escapeHtml(JSON.stringify(entry.items))}"><a class="ll-index-link" href="${lessonHref(entry.slug)}">
${entry.chapter ? `<span class="chapter">${escapeHtml(entry.chapter)}</span>\n` : ""}<span class="title">${escapeHtml(entry.title)}</span>
${entry.summary ? `<span class="summary">${escapeHtml(entry.summary)}</span>\n` : ""}<span class="minutes">${entry.minutes} min read${errors}</span>
</a></li>`;
}

/** The index page: every lesson in reading order with its chapter, summary and reading time, under its part's heading. */
export function renderIndexPage(groups: IndexGroup[], site: PageOptions): string {
  const lists = groups
    .filter((group) => group.entries.length)
    .map((group) => `${group.title ? `<h2>${escapeHtml(group.title)}</h2>\n` : ""}<ul class="lesson-index">\n${group.entries.map(renderIndexItem).join("\n")}\n</ul>`);
  return `${renderHead(site.siteTitle, site.description ?? "Interactive lessons", site)}
<body>
${renderHeader(site, true)}
<main class="lesson ll-index-main" id="index">
<h1>${escapeHtml(site.siteTitle)}</h1>
${site.description ? `<p class="ll-index-description">${escapeHtml(site.description)}</p>\n` : ""}${lists.length ? lists.join("\n") : `<p>No lessons yet: add a Markdown file to the lessons folder.</p>`}
</main>
</body>
</html>
`;
}

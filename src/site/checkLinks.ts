// Links between lessons: `[text](other.md#anchor)` is written as the authoring guide says, by the
// other lesson's file name, and becomes a link to its page (`./other.html#anchor`) in dev and in
// the build. A link to a lesson or an anchor that does not exist is an error at the link.
import { statSync } from "node:fs";
import { basename, dirname, extname, relative, resolve, sep } from "node:path";
import type { Diagnostic, Lesson } from "../compile/index.ts";
import { isLessonFile } from "./findLessons.ts";

/** What checking a lesson's links needs to know of the site. */
export interface LinkTargets {
  /** The lessons folder, absolute. */
  root: string;
  /** The anchors of the lesson `slug` (headings' ids, ids in its HTML), or undefined when the site has no such lesson. */
  anchorsOf(slug: string): readonly string[] | undefined;
}

/** `other.md#a` → its parts: the path (decoded, query dropped) and the anchor (decoded). */
function splitHref(href: string): { path: string; anchor: string } {
  const hash = href.indexOf("#");
  const path = (hash < 0 ? href : href.slice(0, hash)).replace(/\?.*$/, "");
  const anchor = hash < 0 ? "" : href.slice(hash + 1);
  return { path: decode(path), anchor: decode(anchor) };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The page URL a link to another lesson of the folder is rendered with (`other.md#a` →
 * `./other.html#a`): pages sit side by side, so a relative URL works from any base path. Other
 * links (assets, other folders, pages already) are left as written.
 */
export function pageHref(href: string): string | undefined {
  const hash = href.indexOf("#");
  const path = hash < 0 ? href : href.slice(0, hash);
  const match = /^(?:\.\/)?([^/?]+)\.md$/.exec(path);
  return match ? `./${match[1]}.html${hash < 0 ? "" : href.slice(hash)}` : undefined;
}

/** Errors (code "link") for the lesson's links to lessons or anchors that do not exist, each at the link. */
export function checkLinks(lesson: Pick<Lesson, "links" | "anchors">, path: string, targets: LinkTargets): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const fail = (link: { line: number; column: number }, message: string) =>
    problems.push({ severity: "error", code: "link", message, line: link.line, column: link.column });
  for (const link of lesson.links) {
    const { path: target, anchor } = splitHref(link.href);
    const extension = extname(target);
    if (target === "") {
      if (!isAnchorOf(anchor, lesson.anchors)) fail(link, `link to #${anchor}: this lesson has no heading or id "${anchor}"${listAnchors(lesson.anchors)}`);
      continue;
    }
    const file = resolve(dirname(path), target);
    // Assets (images, data files) and folders are not lessons; `./other` names the lesson other.md.
    if (extension !== ".md" && extension !== ".html" && (extension !== "" || isDirectory(file))) continue;
    const name = basename(file, extension);
    if (dirname(file) !== targets.root) {
      fail(link, `link to ${link.href}: ${shown(file)} is not a lesson of this course (the lessons are the .md files directly in ${shown(targets.root)}${sep})`);
      continue;
    }
    if (extension === ".html" && name === "index") continue;
    if (!isLessonFile(`${name}.md`)) {
      fail(link, `link to ${link.href}: ${name}.md is a draft (its name starts with _ or .), which the site leaves out`);
      continue;
    }
    const anchors = targets.anchorsOf(name);
    if (anchors === undefined) {
      fail(link, `link to a lesson that does not exist: ${link.href} (no ${shown(resolve(targets.root, `${name}.md`))})`);
    } else if (!isAnchorOf(anchor, anchors)) {
      fail(link, `link to ${link.href}: ${name}.md has no heading or id "${anchor}"${listAnchors(anchors)}`);
    }
  }
  return problems;
}

/** True when a page with `anchors` has the fragment `anchor` (none, and `#top`, the page's top in HTML, always do). */
function isAnchorOf(anchor: string, anchors: readonly string[]): boolean {
  return anchor === "" || anchor === "top" || anchors.includes(anchor);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `(its anchors: a, b, …)`: what the author may have meant. */
function listAnchors(anchors: readonly string[]): string {
  if (!anchors.length) return "";
  const shownAnchors = anchors.slice(0, 8).map((a) => `#${a}`).join(", ");
  return ` (its anchors: ${shownAnchors}${anchors.length > 8 ? ", …" : ""})`;
}

function shown(path: string): string {
  return relative(process.cwd(), path) || path;
}

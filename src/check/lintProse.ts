// Lint rules that read the prose: images without alt text, links to lessons that do not exist.
import { existsSync, statSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import { parseMarkdown, type Diagnostic } from "../compile/index.ts";
import { findImagesWithoutAlt } from "./findImagesWithoutAlt.ts";

/** Options of lintProse. */
export interface LintProseOptions {
  /** The lesson's path; relative links resolve from its folder. */
  file: string;
  /** The site root that `/slug` links resolve from; defaults to the lesson's folder. */
  lessonsDir?: string;
}

/**
 * Warnings for images without alt text (`![](…)`, `<img>`), and errors for links to lessons that
 * do not exist (`other.md`, `other.html`, `./other`), each at its place in the .md file.
 */
export function lintProse(source: string, options: LintProseOptions): Diagnostic[] {
  // The compiler's own parse, so the lint reads the prose exactly as the page shows it (cells and
  // math are not prose); its body keeps the file's lines, the front matter's left empty.
  const { body: text, tokens } = parseMarkdown(source);
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  const at = (offset: number) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
    return { line: line + 1, column: offset - starts[line]! + 1 };
  };
  const out: Diagnostic[] = [];
  const warnImage = (offset: number) =>
    out.push({ severity: "warning", code: "lint", message: "image has no alt text: describe it between the brackets (![…](…)) or in alt=\"…\"", ...at(offset) });
  for (const token of tokens) {
    if (!token.map) continue;
    const start = starts[token.map[0]] ?? 0;
    if (token.type === "html_block") {
      const base = text.indexOf(token.content.trimEnd(), start);
      for (const offset of findImagesWithoutAlt(token.content)) warnImage((base < 0 ? start : base) + offset);
    }
    if (token.type !== "inline") continue;
    let cursor = start;
    const find = (needle: string) => {
      const found = text.indexOf(needle, cursor);
      if (found < 0) return cursor;
      cursor = found + needle.length;
      return found;
    };
    for (const child of token.children ?? []) {
      if (child.type === "image") {
        const offset = find("![");
        if (!child.content.trim()) warnImage(offset);
      } else if (child.type === "html_inline") {
        const offset = find(child.content);
        for (const image of findImagesWithoutAlt(child.content)) warnImage(offset + image);
      } else if (child.type === "link_open") {
        const href = String(child.attrGet("href") ?? "");
        const offset = find(href);
        const missing = findMissingLesson(href, options);
        if (missing) {
          out.push({ severity: "error", code: "lint", message: `link to a lesson that does not exist: ${href} (no ${missing})`, ...at(offset) });
        }
      }
    }
  }
  return out;
}

/**
 * The lesson file a relative link points to when that file does not exist (shown relative to the
 * working directory), else undefined. Links with a scheme, anchors and assets are not lessons.
 */
export function findMissingLesson(href: string, options: LintProseOptions): string | undefined {
  if (!href || href.startsWith("#") || href.startsWith("//") || /^[a-z][a-z0-9+.-]*:/i.test(href)) return undefined;
  let path: string;
  try {
    path = decodeURI(href.replace(/[?#].*$/, ""));
  } catch {
    path = href.replace(/[?#].*$/, "");
  }
  if (!path) return undefined;
  const from = dirname(resolve(options.file));
  const target = path.startsWith("/") ? join(resolve(options.lessonsDir ?? from), path) : resolve(from, path);
  const ext = extname(target);
  if (ext !== "" && ext !== ".md" && ext !== ".html") return undefined;
  // A folder, or the generated index page (`index.html`), is not a lesson file.
  if ((ext === "" && isDirectory(target)) || basename(target, ext) === "index") return undefined;
  const lesson = ext === "" ? `${target}.md` : ext === ".html" ? target.slice(0, -".html".length) + ".md" : target;
  if (existsSync(lesson) || (ext === ".html" && existsSync(target))) return undefined;
  return relative(process.cwd(), lesson) || lesson;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

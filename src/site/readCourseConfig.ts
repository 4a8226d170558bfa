// The course config, `course.yml` beside the lessons folder: what a course sets without code (the
// site title, its description, the base path, the reading order or parts, the math reference).
// YAML rather than a JavaScript config (observablehq.config.js, VitePress's config.ts): a course
// needs data, not code, the file is safe to read in any process, and every bad value is reported
// at its line and column, which the yaml package gives for free.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from "yaml";
import type { Problem } from "../contract/diagnostic.ts";

/** The config's file name; it sits in the course root, the folder that holds the lessons folder. */
export const configFileName = "course.yml";

/** A part of the course: a heading on the index and the lessons under it, in reading order. */
export interface CoursePart {
  title: string;
  /** Lesson slugs (file names without `.md`). */
  lessons: string[];
}

/** A lesson named by the config, where it names it (to report one that does not exist). */
export interface NamedLesson {
  slug: string;
  line: number;
  column: number;
}

/** What course.yml sets, with the defaults for what it leaves out. */
export interface CourseConfig {
  /** The site title in every page header and on the index (default "Live Lessons"). */
  title: string;
  /** A sentence under the title on the index, and the index's meta description. */
  description?: string;
  /** The public base path of the built site (`/my-course/`); default `./`, relative URLs that work from any path. */
  base?: string;
  /** The reading order: the lessons it names first, in its order (from `order`, or the parts'), then the others. */
  order: NamedLesson[];
  /** The parts of the course (empty when the config has none): headings on the index. */
  parts: CoursePart[];
  /** Whether the site has the page listing every export of `live-lesson/math` (default true). */
  mathReference: boolean;
}

/** A course config as read: where from, what it sets, and its problems (each located in the file). */
export interface LoadedConfig {
  /** The config's path as a terminal shows it, or undefined when the course has none. */
  file?: string;
  /** Its absolute path, or undefined. */
  path?: string;
  config: CourseConfig;
  problems: Problem[];
}

/** The defaults: a course without course.yml. */
export const defaultConfig: CourseConfig = { title: "Live Lessons", order: [], parts: [], mathReference: true };

/** Every field course.yml may set, with what it expects (the error for an unknown field lists them). */
const fields = ["title", "description", "base", "order", "parts", "mathReference"] as const;

/** The config path of the lessons folder `lessonsDir`: course.yml in the folder that holds it. */
export function findConfigPath(lessonsDir: string): string {
  return join(dirname(lessonsDir), configFileName);
}

/** Reads the config of the lessons folder `lessonsDir` (the defaults when there is none); never throws. */
export function readCourseConfig(lessonsDir: string): LoadedConfig {
  const path = findConfigPath(lessonsDir);
  if (!existsSync(path)) return { config: { ...defaultConfig }, problems: [] };
  const file = (relative(process.cwd(), path) || path).split(sep).join("/");
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return { file, path, config: { ...defaultConfig }, problems: [{ file, line: 0, column: 0, severity: "error", code: "config", message: `cannot read the course config: ${(error as Error).message}` }] };
  }
  return { file, path, ...parseCourseConfig(text, file) };
}

/** Parses and checks the text of a course config; `file` names it in the problems. */
export function parseCourseConfig(text: string, file: string): { config: CourseConfig; problems: Problem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  const at = (node: Node | null | undefined) => {
    const { line, col } = node?.range ? lines.linePos(node.range[0]) : { line: 1, col: 1 };
    return { line, column: col };
  };
  const fail = (node: Node | null | undefined, message: string) =>
    problems.push({ file, ...at(node), severity: "error", code: "config", message: `${configFileName}: ${message}` });
  for (const error of doc.errors) {
    const { line, col } = error.linePos?.[0] ?? { line: 1, col: 1 };
    problems.push({ file, line, column: col, severity: "error", code: "config", message: `${configFileName}: ${error.message.split("\n")[0]}` });
  }
  const config: CourseConfig = { ...defaultConfig, order: [], parts: [] };
  if (doc.errors.length || doc.contents === null) return { config, problems };
  if (!isMap(doc.contents)) {
    fail(doc.contents, "should be a mapping of fields (`title: My course`)");
    return { config, problems };
  }
  const string = (pair: Pair<Node, Node | null>, name: string): string | undefined => {
    if (isScalar(pair.value) && typeof pair.value.value === "string" && pair.value.value.trim()) return pair.value.value.trim();
    fail(pair.value ?? pair.key, `${name} should be a non-empty string`);
    return undefined;
  };
  let orderNode: Node | undefined;
  let parts: ReturnType<typeof readParts> = [];
  for (const pair of doc.contents.items as Pair<Node, Node | null>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    switch (key) {
      case "title":
        config.title = string(pair, "title") ?? config.title;
        break;
      case "description":
        config.description = string(pair, "description");
        break;
      case "base": {
        const base = string(pair, "base");
        if (base !== undefined && !isBase(base)) {
          fail(pair.value, `base should be "./" (relative URLs, the default), a path that starts and ends with "/" ("/my-course/"), or a URL ending with "/"; not "${base}"`);
        } else config.base = base;
        break;
      }
      case "mathReference":
        if (isScalar(pair.value) && typeof pair.value.value === "boolean") config.mathReference = pair.value.value;
        else fail(pair.value ?? pair.key, "mathReference should be true or false");
        break;
      case "order":
        config.order.push(...readLessonList(pair.value, "order", fail, at));
        orderNode = pair.key;
        break;
      case "parts":
        parts = readParts(pair.value, fail, at);
        break;
      default:
        fail(pair.key, `unknown field "${key}": the fields are ${fields.join(", ")}`);
    }
  }
  if (orderNode && parts.length) fail(orderNode, "order and parts both set the reading order: keep one (parts, when the index should show headings)");
  if (!config.order.length) config.order = parts.flatMap((part) => part.named);
  // A lesson named twice is reported at its second place.
  const counted = new Set<string>();
  for (const named of config.order) {
    if (counted.has(named.slug)) {
      problems.push({ file, line: named.line, column: named.column, severity: "error", code: "config", message: `${configFileName}: "${named.slug}" is named twice in the reading order` });
    }
    counted.add(named.slug);
  }
  config.parts = parts.map(({ title, lessons }) => ({ title, lessons }));
  return { config, problems };
}

/** True for a base Vite accepts as it is: `./`, `/…/`, or an absolute URL ending with `/`. */
function isBase(base: string): boolean {
  return base === "./" || (base.startsWith("/") && base.endsWith("/") && !base.startsWith("//")) || /^https?:\/\/[^/]+\/(.*\/)?$/.test(base);
}

type Fail = (node: Node | null | undefined, message: string) => void;
type At = (node: Node | null | undefined) => { line: number; column: number };

/** A list of lesson slugs (`derivatives` or `derivatives.md`), each with its place. */
function readLessonList(node: Node | null, name: string, fail: Fail, at: At): NamedLesson[] {
  if (!isSeq(node)) {
    fail(node, `${name} should be a list of lessons, their file names without .md (\`- derivatives-and-gradients\`)`);
    return [];
  }
  const named: NamedLesson[] = [];
  for (const item of node.items as Node[]) {
    if (isScalar(item) && typeof item.value === "string" && item.value.trim()) {
      named.push({ slug: item.value.trim().replace(/\.md$/, ""), ...at(item) });
    } else {
      fail(item, `each lesson in ${name} is a file name without .md (\`derivatives-and-gradients\`)`);
    }
  }
  return named;
}

/** `parts: [{title, lessons: [...]}, …]`. */
function readParts(node: Node | null, fail: Fail, at: At): (CoursePart & { named: NamedLesson[] })[] {
  if (!isSeq(node)) {
    fail(node, "parts should be a list of parts, each `- title: …` with its `lessons: [...]`");
    return [];
  }
  const parts: (CoursePart & { named: NamedLesson[] })[] = [];
  for (const item of node.items as Node[]) {
    if (!isMap(item)) {
      fail(item, "each part is a mapping: `- title: Part one` and `lessons: [first-lesson, second-lesson]`");
      continue;
    }
    let title: string | undefined;
    let named: NamedLesson[] = [];
    for (const pair of item.items as Pair<Node, Node | null>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (key === "title") {
        if (isScalar(pair.value) && typeof pair.value.value === "string" && pair.value.value.trim()) title = pair.value.value.trim();
        else fail(pair.value ?? pair.key, "a part's title should be a non-empty string");
      } else if (key === "lessons") {
        named = readLessonList(pair.value, "a part's lessons", fail, at);
      } else {
        fail(pair.key, `unknown field "${key}" in a part: a part has a title and lessons`);
      }
    }
    if (title === undefined) fail(item, "a part needs a title");
    parts.push({ title: title ?? "", lessons: named.map((n) => n.slug), named });
  }
  return parts;
}

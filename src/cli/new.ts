// `lesson new <slug> [--title T] [--dir lessons]`: a new lesson from the template, ready to run.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseCommandArgs } from "./parseCommandArgs.ts";
import { parse as parseYaml } from "yaml";

const help = `Usage: lesson new <slug> [--title "Title"] [--dir lessons]

Creates <dir>/<slug>.md from the template: front matter, a labelled slider, an inline value that
follows it and a Plot chart. The slug is lower-case letters, digits and hyphens (it becomes the
page's address, <slug>.html). Never overwrites a file.`;

const template = new URL("./lesson-template.md", import.meta.url);

/** Lower-case words joined by single hyphens: it names the file and the page. */
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Orders from this one up are appendices (the authoring guide is 100); new lessons go before. */
const appendixOrder = 100;

/** Runs `lesson new` and resolves to the exit code. */
export async function runNew(args: string[]): Promise<number> {
  const parsed = parseCommandArgs("new", help, args, { title: { type: "string" }, dir: { type: "string" } });
  if (typeof parsed === "number") return parsed;
  const [slug, ...extra] = parsed.positionals;
  if (!slug || extra.length) {
    console.error(`lesson new: expected exactly one slug\n\n${help}`);
    return 1;
  }
  if (!slugPattern.test(slug) || slug.length > 80) {
    const suggestion = slug.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "my-lesson";
    console.error(
      `lesson new: "${slug}" is not a valid slug: use lower-case letters, digits and single hyphens ` +
        `(it names the file and the page address), e.g. "${suggestion}"`,
    );
    return 1;
  }
  const dir = parsed.values.dir ?? "lessons";
  const path = join(dir, `${slug}.md`);
  if (existsSync(path)) {
    console.error(`lesson new: ${path} already exists; not overwriting it (pick another slug or edit that file)`);
    return 1;
  }
  const title = parsed.values.title?.trim() || titleFromSlug(slug);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, renderTemplate(title, findNextOrder(dir)), { flag: "wx" });
  const shown = relative(process.cwd(), path) || path;
  console.log(
    `Created ${shown}\n` +
      `  See it: npm start (or npx lesson dev ${dir}); it appears in the index at once and reloads as you edit.\n` +
      `  Check it: npx lesson check ${shown}`,
  );
  return 0;
}

/** "gradient-descent" → "Gradient descent". */
export function titleFromSlug(slug: string): string {
  const words = slug.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The template with its placeholders filled; the title is quoted as a YAML string. */
export function renderTemplate(title: string, order: number): string {
  return readFileSync(template, "utf8")
    .replace("{{title}}", JSON.stringify(title))
    // A chapter id of its own (two lessons sharing one is a warning): "L1-" and the order.
    .replace("{{chapter}}", `L1-${String(order).padStart(2, "0")}`)
    .replace("{{order}}", String(order))
    .replace("{{heading}}", title.replace(/[\\`*_[\]<>$#]/g, (c) => `\\${c}`));
}

/** One more than the largest `order` below the appendices in `dir`'s lessons (1 when none). */
function findNextOrder(dir: string): number {
  let largest = 0;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(".md")) continue;
    const order = readOrder(join(dir, name));
    if (order !== undefined && order < appendixOrder) largest = Math.max(largest, order);
  }
  return Math.floor(largest) + 1;
}

function readOrder(path: string): number | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path, "utf8"));
  if (!match) return undefined;
  try {
    const data: unknown = parseYaml(match[1]!);
    const order = (data as { order?: unknown } | null)?.order;
    return typeof order === "number" && Number.isFinite(order) ? order : undefined;
  } catch {
    return undefined;
  }
}

// The lesson dialect's Markdown parser: the front matter split off, then markdown-it with every plugin.

import markdownIt from "markdown-it";
import type { MarkdownIt, Token } from "markdown-it";
import anchor from "markdown-it-anchor";
import type { CompileOptions, Diagnostic, FrontMatter } from "../types.ts";
import { blankPlugin } from "./blank.ts";
import { calloutPlugin } from "./callouts.ts";
import { collectCellsPlugin } from "./collectCells.ts";
import { collectLinksPlugin } from "./collectLinks.ts";
import { inlineCellPlugin } from "./inlineCell.ts";
import type { LessonEnv } from "./lessonEnv.ts";
import { mathPlugin } from "./math.ts";
import { parseFrontMatter } from "./parseFrontMatter.ts";
import { predictPlugin } from "./predict.ts";
import { renderCellsPlugin } from "./renderCells.ts";
import { sectionsPlugin } from "./sections.ts";
import { exercisesPlugin } from "./exercises.ts";
import { slugify } from "./slugify.ts";
import { createSlugRegistry, type SlugRegistry } from "./uniqueSlugs.ts";

/** A lesson's Markdown, parsed: what the page, the checks and the lint read. */
export interface ParsedMarkdown {
  frontMatter: FrontMatter;
  /**
   * The source as markdown-it read it: line breaks normalized to LF, no byte-order mark, NUL as
   * U+FFFD, the front matter's lines left empty. Its lines are the .md file's lines, one for one.
   */
  body: string;
  /** markdown-it's tokens; a block token's `map` holds its 0-based lines in the .md file. */
  tokens: Token[];
  /** What the rules share (markdown-it's `env`): the lines, the cells, blanks, predictions and sections in document order, the diagnostics so far. */
  env: LessonEnv;
}

function createMarkdown(): MarkdownIt {
  const md = markdownIt({ html: true, linkify: false, typographer: false });
  md.use(inlineCellPlugin);
  md.use(blankPlugin);
  md.use(mathPlugin);
  md.use(predictPlugin);
  md.use(calloutPlugin);
  md.use(collectCellsPlugin);
  md.use(renderCellsPlugin);
  md.use(exercisesPlugin);
  // Ids are made unique here, in linear time (uniqueSlugs.ts): markdown-it-anchor's own
  // de-duplication is quadratic in the number of repeats. One registry per parse (its state).
  const registries = new WeakMap<object, SlugRegistry>();
  md.use(anchor, {
    slugifyWithState: (title: string, state: object) => {
      let registry = registries.get(state);
      if (!registry) registries.set(state, (registry = createSlugRegistry()));
      return registry.unique(slugify(title));
    },
    tabIndex: false,
    permalink: anchor.permalink.headerLink({ safariReaderFix: true }),
  });
  md.use(sectionsPlugin);
  md.use(collectLinksPlugin);
  return md;
}

let markdown: MarkdownIt | undefined;

/**
 * Parses a lesson: its front matter (a problem in it is a diagnostic), then its body with the
 * dialect's rules, which analyze every cell and render its math. Never throws on content.
 */
export function parseMarkdown(source: string, options: Pick<CompileOptions, "linkHref"> = {}): ParsedMarkdown {
  // markdown-it normalizes line breaks and NUL the same way, so positions agree with `lines`.
  // An editor's byte-order mark would hide the front matter; it is invisible, so dropping it moves nothing a reader sees.
  const text = String(source).replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").replace(/\0/g, "\uFFFD");
  const { frontMatter, body, diagnostics } = parseFrontMatter(text);
  const env: LessonEnv = { lines: text.split("\n"), diagnostics: [...diagnostics], cells: [], blanks: [], predictions: [], sections: [], links: [], anchors: [], linkHref: options.linkHref };
  let tokens: Token[] = [];
  try {
    markdown ??= createMarkdown();
    tokens = markdown.parse(body, env as unknown as Record<PropertyKey, unknown>);
  } catch (error) {
    env.diagnostics.push(markdownProblem(error));
  }
  return { frontMatter, body, tokens, env };
}

/** The page HTML of a parsed lesson. Never throws: a failure is a diagnostic in `parsed.env`. */
export function renderMarkdown(parsed: ParsedMarkdown): string {
  try {
    markdown ??= createMarkdown();
    return markdown.renderer.render(parsed.tokens, markdown.options, parsed.env as unknown as Record<PropertyKey, unknown>);
  } catch (error) {
    parsed.env.diagnostics.push(markdownProblem(error));
    return "";
  }
}

// markdown-it does not throw on content; a stack overflow on hostile nesting is the exception.
function markdownProblem(error: unknown): Diagnostic {
  return {
    severity: "error",
    code: "markdown",
    message: `the Markdown could not be compiled: ${(error as Error)?.message ?? error}`,
    line: 1,
    column: 1,
  };
}

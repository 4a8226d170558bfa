// The math reference page: a lesson (Markdown) listing every export of `live-lesson/math` by file,
// each with its signature, one line of what it does and the file's source. Generated from the
// module's doc comments (describeMathExports), never written by hand.
import type { MathFile } from "./describeMathExports.ts";

/** The reference page's slug: its page is `math-reference.html`, and lessons link to `math-reference.md#adam`. */
export const mathReferenceSlug = "math-reference";

/** Backslash-escapes what Markdown or the lesson dialect would read as syntax (`$` starts math, `${` a cell). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>$|~#]/g, (c) => `\\${c}`);
}

/** The reference page's Markdown. */
export function renderMathReference(files: readonly MathFile[]): string {
  const count = files.reduce((sum, file) => sum + file.exports.length, 0);
  const sections = files.map((file) => {
    const exports = file.exports.map(
      (item) => `### ${item.name}

\`\`\`ts run=false
${item.signature}
\`\`\`

${item.summary ? escapeMarkdown(item.summary) : "*(no doc comment)*"}
`,
    );
    return `## ${file.file}

${escapeMarkdown(file.about)}

**Source:** ${file.source ? escapeMarkdown(file.source) : "*(none named)*"}

${exports.join("\n")}`;
  });
  return `---
title: "live-lesson/math reference"
chapter: "Reference"
order: 1000
summary: "Every export of live-lesson/math: its signature, what it does, and where it comes from."
---

# live-lesson/math reference

A cell imports any of these ${count} exports by name:

\`\`\`ts run=false
import {adam, runOptimizer, rosenbrock} from "live-lesson/math";
\`\`\`

This page is generated from the module's doc comments and file headers, so it always says what
the code does. A lesson links to an entry by its name, as in \`[Adam](math-reference.md#adam)\`.

${sections.join("\n")}`;
}

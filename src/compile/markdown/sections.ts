// Sections: after the anchors are set, each top-level h2 and h3 becomes a Section the learning
// record counts as reached once the reader scrolls to it.

import type { MarkdownIt, StateCore } from "markdown-it";
import { hashString } from "../../contract/hashString.ts";
import { readEnv } from "./lessonEnv.ts";

const PLAIN_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/** Adds the rule that lists sections; use it after markdown-it-anchor, whose ids it reads. */
export function sectionsPlugin(md: MarkdownIt): void {
  md.core.ruler.after("anchor", "collect_sections", collectSections);
}

function collectSections(state: StateCore): void {
  const env = readEnv(state.env);
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i];
    if (open.type !== "heading_open" || open.level !== 0 || (open.tag !== "h2" && open.tag !== "h3")) continue;
    const anchor = String(open.attrGet("id") ?? "");
    if (!anchor) continue;
    const title = (tokens[i + 1]?.children ?? []).filter((t) => t.type === "text" || t.type === "code_inline").map((t) => t.content).join("").trim();
    env.sections.push({
      id: PLAIN_ID.test(anchor) ? anchor : `s-${hashString(anchor).slice(-10)}`,
      anchor,
      title,
      level: Number(open.tag.slice(1)),
      line: (open.map?.[0] ?? 0) + 1,
    });
  }
}

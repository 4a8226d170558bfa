// A Python listing in ASCII is highlighted by a grammar with ASCII name classes: exactly as the full one.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import hljs from "highlight.js/lib/core";
import python from "highlight.js/lib/languages/python";
import json from "highlight.js/lib/languages/json";
import { isAscii, withAsciiNames } from "../../../src/compile/highlight/asciiNames.ts";
import { highlightCode } from "../../../src/compile/highlight/highlightCode.ts";

const root = join(import.meta.dirname, "../../..");
const chapter = readFileSync(join(root, "lessons/derivatives-and-gradients.md"), "utf8");
const chapterListing = chapter.split("```python\n")[1]!.split("```")[0]!;

const samples = [
  chapterListing,
  "class Point(Base):\n    def __init__(self, x_1, y):\n        self.x_1 = x_1  # note\n",
  "@dataclass\nclass Adam:\n    lr: float = 1e-3\n    beta2: float = 0.999\n",
  "async def fetch(url: str) -> bytes:\n    return await get(f'{url!r:>10}', timeout=0x1F)\n",
  "x = [i ** 2 for i in range(10) if i % 2 == 0]\nprint(rb'\\x00', u\"é\" if False else None)\n",
  "_private = lambda a, *args, **kw: (a, args, kw)\nmatch cmd:\n    case [\"go\", d]: pass\n",
  ">>> 1 + 1\n2\n",
];

/** The full grammar's HTML, from an instance of highlight.js of its own. */
function highlightFull(code: string): string {
  const full = hljs.newInstance();
  full.registerLanguage("python", python);
  return full.highlight(code, { language: "python", ignoreIllegals: true }).value;
}

/** Every regular expression's source in a grammar (its modes refer to each other in cycles). */
function regExpSources(grammar: object): string[] {
  const sources: string[] = [];
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (node instanceof RegExp) sources.push(node.source);
    else if (node !== null && typeof node === "object" && !seen.has(node)) {
      seen.add(node);
      for (const value of Object.values(node)) visit(value);
    }
  };
  visit(grammar);
  return sources;
}

describe("withAsciiNames", () => {
  it("gives Python a twin without Unicode name classes", () => {
    const twin = withAsciiNames(python, hljs);
    expect(twin).not.toBeNull();
    expect(regExpSources(twin!(hljs)).some((source) => source.includes("\\p{XID_"))).toBe(false);
    expect(regExpSources(python(hljs)).some((source) => source.includes("\\p{XID_"))).toBe(true);
    expect(twin!(hljs).aliases).toEqual([]);
  });

  it("gives no twin to a grammar without such classes", () => {
    expect(withAsciiNames(json, hljs)).toBeNull();
  });

  it("highlights ASCII Python exactly as the full grammar does", () => {
    for (const code of samples.filter(isAscii)) {
      expect(highlightCode(code, "python"), code).toBe(highlightFull(code));
      expect(highlightCode(code, "py"), code).toBe(highlightFull(code));
    }
    expect(samples.filter(isAscii).length).toBeGreaterThan(5);
  });

  it("leaves code with non-ASCII names to the full grammar", () => {
    for (const code of ["def naïve(x):\n    return x\n", "class Größe:\n    pass\n"]) {
      expect(isAscii(code)).toBe(false);
      expect(highlightCode(code, "python")).toBe(highlightFull(code));
      expect(highlightCode(code, "python")).toContain(`<span class="hljs-title`);
    }
  });
});

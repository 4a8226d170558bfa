// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { diffSources, MAX_BLANK_LINES, renderDiff } from "../../src/editor/renderDiff.ts";

describe("renderDiff", () => {
  it("shows a statement hidden behind a lone CR on a line of its own, marked", () => {
    const before = "const c: number = b + 1;";
    const after = `const c: number = b + 100; // fixed a typo\r${" ".repeat(200)}window.__pwned = 1`;
    const pre = renderDiff(document, before, after);
    const added = [...pre.querySelectorAll(".diff-added")].map((line) => line.textContent);
    expect(added).toEqual(["+ const c: number = b + 100; // fixed a typo⟨CR⟩\n", "+ ⟨200 blanks⟩window.__pwned = 1\n"]);
    expect(pre.querySelectorAll("mark.diff-marker")).toHaveLength(2);
    expect(pre.querySelector(".diff-added.diff-hidden")).not.toBeNull();
  });

  it("counts long runs of blank lines, so code after them stays in sight", () => {
    const lines = diffSources("a\n", `a\n${"\n".repeat(500)}evil()`);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatchObject({ sign: "+" });
    const pre = renderDiff(document, "a\n", `a\n${"\n".repeat(500)}evil()`);
    expect(pre.textContent).toBe("  a\n+ ⟨500 blank lines⟩\n+ evil()\n");
    // A few blank lines are shown as they are.
    expect(diffSources("a\n", `a\n${"\n".repeat(MAX_BLANK_LINES)}b`)).toHaveLength(MAX_BLANK_LINES + 2);
  });

  it("puts the code in as text, never as HTML", () => {
    const pre = renderDiff(document, "", `<img src=x onerror="window.__pwned=1">`);
    expect(pre.querySelector("img")).toBeNull();
    expect(pre.textContent).toContain("<img src=x");
  });
});

// @vitest-environment happy-dom
// What a cell's output element shows: values, text, errors, and the compact "waiting" state.

import { describe, expect, it } from "vitest";
import { appendError, appendValue } from "../../src/runtime/output.ts";

const output = (inline = false) => document.createElement(inline ? "span" : "div");

describe("appendValue", () => {
  it("shows a string as text, without quotes, in a block and inline", () => {
    const block = output();
    appendValue(block, "The loss is 0.30", false);
    expect(block.textContent).toBe("The loss is 0.30");
    const inline = output(true);
    appendValue(inline, "text", true);
    expect(inline.textContent).toBe("text");
  });

  it("still inspects other values", () => {
    const block = output();
    appendValue(block, ["a"], false);
    expect(block.querySelector(".inspect")).not.toBeNull();
  });

  it("gives Plot's named mark groups a role, so their aria-label is allowed (the drawing is unchanged)", () => {
    const block = output();
    const figure = document.createElement("figure");
    figure.innerHTML = `<svg aria-label="A chart"><g aria-label="line"><path d="M0,0L1,1"></path></g><g role="img" aria-label="kept"></g><g></g></svg>`;
    const before = figure.querySelector("path")!.outerHTML;
    appendValue(block, figure, false);
    const groups = [...block.querySelectorAll("g")].map((g) => g.getAttribute("role"));
    expect(groups).toEqual(["group", "img", null]);
    expect(block.querySelector("path")!.outerHTML).toBe(before);
  });
});

describe("appendError", () => {
  const waiting = { message: "waiting for `softmax` (line 45)", input: "softmax", waiting: true as const, cause: "SyntaxError: Unexpected token", location: "a.md:50" };

  it("shows a cell waiting for a failed input as one quiet line, not its input's error", () => {
    const block = output();
    appendError(block, waiting, false);
    expect(block.querySelector(".cell-error")).toBeNull();
    expect(block.querySelector(".cell-waiting")?.textContent).toBe("waiting for softmax (line 45)");
    expect(block.textContent).not.toContain("SyntaxError");
  });

  it("in prose, shows a short marker whose full text is its tooltip and its accessible text", () => {
    const inline = output(true);
    appendError(inline, waiting, true);
    const marker = inline.querySelector(".cell-waiting")!;
    expect(marker.getAttribute("title")).toBe("waiting for softmax (line 45)");
    expect(marker.querySelector("[aria-hidden=true]")?.textContent).toBe("…");
    expect(marker.querySelector(".visually-hidden")?.textContent).toBe("waiting for softmax (line 45)");
  });

  it("shows a cell's own error in full", () => {
    const block = output();
    appendError(block, { message: "TypeError: boom", location: "a.md:3" }, false);
    expect(block.querySelector(".cell-error")?.textContent).toBe("a.md:3 TypeError: boom");
  });
});

// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { mountCells } from "../../src/editor/mountCells.ts";
import { decodeShare } from "../../src/editor/share.ts";
import { shareEdits } from "../../src/editor/shareEdits.ts";
import { createFixture, defineCell, defineLesson } from "./editorFixture.ts";

describe("shareEdits", () => {
  it("makes a link with the edits and input values, shows it and copies it", async () => {
    const { state, root } = createFixture();
    state.saved.cells.c7 = { source: "const y = w * 4;", authorSource: "const y = w * 3;", savedAt: 1 };
    state.saved.cells.gone = { source: "const q = 1;", authorSource: "const q = 0;", savedAt: 1 };
    mountCells(state);
    const writeText = vi.spyOn(navigator.clipboard, "writeText").mockResolvedValue();
    const url = await shareEdits(state);
    expect(url).toMatch(/^http:\/\/localhost:3000\/#share=/);
    const decoded = decodeShare(new URL(url!).hash, "lesson.md");
    // Only edits of cells in the page travel; the slider w carries its value.
    expect(decoded).toMatchObject({ ok: true, state: { cells: { c7: "const y = w * 4;" }, inputs: { w: 2 } } });
    expect(writeText).toHaveBeenCalledWith(url);
    expect(root.querySelector<HTMLInputElement>(".lesson-edits-link")).toMatchObject({ hidden: false, value: url });
    expect(root.querySelector(".lesson-edits-notice")?.textContent).toBe("Share link copied.");
  });

  it("leaves out what a password field holds, and shows what the link carries", async () => {
    const cells = [...defineLesson(), defineCell('const pin = view(Inputs.password({label: "PIN"}));', 23)];
    const { state, root, handle } = createFixture({ cells });
    // The cell's output holds a password field, as Inputs.password draws one.
    const output = document.createElement("div");
    output.dataset.cell = "c23";
    output.innerHTML = '<form><label>PIN</label><input type="password"></form>';
    root.append(output);
    await handle.api.set("pin", "hunter2");
    state.saved.cells.c7 = { source: "const y = w * 4;", authorSource: "const y = w * 3;", savedAt: 1 };
    mountCells(state);
    vi.spyOn(navigator.clipboard, "writeText").mockResolvedValue();
    const url = await shareEdits(state);
    expect(url).not.toContain("hunter2");
    const decoded = decodeShare(new URL(url!).hash, "lesson.md");
    expect(decoded).toMatchObject({ ok: true, state: { inputs: { w: 2 } } });
    expect(JSON.stringify(decoded)).not.toContain("hunter2");
    expect(root.querySelector(".lesson-edits-carries")?.textContent).toBe(
      "This link carries your code for 1 cell (line 7) and 1 input value: w = 2. Left out, from a cell with a password field: pin.",
    );
  });

  it("points to the field when the clipboard refuses", async () => {
    const { state, root } = createFixture();
    mountCells(state);
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new Error("denied"));
    expect(await shareEdits(state)).toBeDefined();
    expect(root.querySelector(".lesson-edits-notice")?.textContent).toBe("Copy the share link from the field above.");
  });

  it("says so when the edits are too large for a link", async () => {
    const { state, root } = createFixture();
    // Random-looking text does not deflate: far past the link's 64 000 characters.
    let seed = 1;
    const noise = Array.from({ length: 120_000 }, () => String.fromCharCode(33 + ((seed = (seed * 48271) % 2147483647) % 90))).join("");
    state.saved.cells.c7 = { source: `const y = "${noise}";`, authorSource: "const y = w * 3;", savedAt: 1 };
    mountCells(state);
    expect(await shareEdits(state)).toBeUndefined();
    expect(root.querySelector(".lesson-edits-notice")?.textContent).toBe("Your edits are too large to fit in a link.");
  });
});

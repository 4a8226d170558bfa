// @vitest-environment happy-dom
// The live region reads out the sentences a reader's input changed, not what the page put back.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ANNOUNCE_DELAY_MS, announceChanges, withoutAnnouncing } from "../../src/runtime/announceChanges.ts";
import { StatusBoard } from "../../src/runtime/status.ts";

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe("announceChanges", () => {
  it("announces a changed sentence after an input, and nothing for an input the page dispatches quietly", () => {
    vi.useFakeTimers();
    const root = document.createElement("main");
    root.innerHTML = '<p>At w = <span class="cell-inline" data-cell="a">1.00</span> the loss is high.</p><input>';
    document.body.append(root);
    const region = announceChanges(root, new StatusBoard());
    const value = root.querySelector("span")!;
    const input = root.querySelector("input")!;

    withoutAnnouncing(() => input.dispatchEvent(new Event("input", { bubbles: true })));
    value.textContent = "2.00";
    vi.advanceTimersByTime(ANNOUNCE_DELAY_MS * 2);
    expect(region.textContent).toBe("");

    input.dispatchEvent(new Event("input", { bubbles: true }));
    value.textContent = "3.00";
    vi.advanceTimersByTime(ANNOUNCE_DELAY_MS * 2);
    expect(region.textContent).toBe("At w = 3.00 the loss is high.");
  });
});

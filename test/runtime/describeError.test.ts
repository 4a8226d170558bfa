import { RuntimeError } from "@observablehq/runtime";
import { describe, expect, it } from "vitest";
import { describeError } from "../../src/runtime/describeError.ts";

describe("describeError", () => {
  it("reports a cell's own error at the cell's line", () => {
    expect(describeError(new TypeError("x is not a function"), ["w"], "lesson.md:12")).toEqual({
      message: "TypeError: x is not a function",
      location: "lesson.md:12",
    });
  });

  it("says a cell waits for the input an error came through, and where that input is defined, without repeating its error", () => {
    const locate = (name: string) => (name === "w" ? 4 : undefined);
    expect(describeError(new RuntimeError("boom", "w"), ["w", "Plot"], "lesson.md:12", locate)).toEqual({
      message: "waiting for `w` (line 4)",
      input: "w",
      waiting: true,
      cause: "boom",
      location: "lesson.md:12",
    });
    // A builtin has no cell to wait for: its failure is the news.
    expect(describeError(new RuntimeError("network", "Plot"), ["w", "Plot"], "lesson.md:12", locate).message).toBe("input `Plot` failed: network");
  });

  it("says plainly when an input is not defined", () => {
    expect(describeError(new RuntimeError("nothere is not defined", "nothere"), ["nothere"], "l.md:3").message).toBe("`nothere` is not defined");
  });

  it("treats a RuntimeError naming something that is not an input as the cell's own", () => {
    expect(describeError(new RuntimeError("x is defined more than once", "x"), ["w"], "l.md:3").message).toBe("RuntimeError: x is defined more than once");
  });

  it("uses the location a compile diagnostic carries", () => {
    const error = Object.assign(new Error("Unexpected token"), { location: "l.md:9:4" });
    expect(describeError(error, [], "l.md:9")).toEqual({ message: "Unexpected token", location: "l.md:9:4" });
  });

  it("describes thrown non-errors", () => {
    expect(describeError("just a string", [], "l.md:1").message).toBe("just a string");
    expect(describeError(undefined, [], "l.md:1").message).toBe("undefined");
  });
});

import { describe, expect, it } from "vitest";
import { compileLesson } from "../../src/compile/index.ts";
import { checkAnswer, readNumber } from "../../src/learn/answers/checkAnswer.ts";
import { compareFormulas } from "../../src/math/formula.ts";

const lesson = compileLesson(
  [
    "Exact [[3.4]], tolerant [[3.4 ± 0.01]], relative [[100 ± 1%]], either [[ -68 | -68.0 ]],",
    "a word [[Paris]], live [[${slope} ± 0.01]], a formula [[tex: 28w - 68]],",
    'feedback [[3.4 ; 0.34: "that is α·|grad|/10" ; *: "start from 0"]].',
  ].join("\n"),
);
const [exact, tolerant, relative, either, word, live, formula, feedback] = lesson.learning.blanks;

describe("checking a blank's answer", () => {
  it("reads numbers as readers type them", () => {
    expect([readNumber("3.4"), readNumber("−68"), readNumber(" 1e-3 "), readNumber("1 000"), readNumber("3,4"), readNumber("x")]).toEqual([3.4, -68, 0.001, 1000, undefined, undefined]);
  });

  it("compares numbers within their tolerance", () => {
    expect(checkAnswer(exact, "3.40").right).toBe(true);
    expect(checkAnswer(exact, "3.41").right).toBe(false);
    expect(checkAnswer(tolerant, "3.409").right).toBe(true);
    expect(checkAnswer(tolerant, "3.42").right).toBe(false);
    expect(checkAnswer(relative, "100.9").right).toBe(true);
    expect(checkAnswer(relative, "101.1").right).toBe(false);
    expect(checkAnswer(either, "−68").right).toBe(true);
    expect(checkAnswer(exact, "").right).toBe(false);
  });

  it("compares words ignoring case and spacing", () => {
    expect(checkAnswer(word, "  paris ").right).toBe(true);
    expect(checkAnswer(word, "London").right).toBe(false);
  });

  it("checks a live answer against the value the page computed", () => {
    const cell = live.answers[0].kind === "live" ? live.answers[0].cell! : "";
    expect(checkAnswer(live, "-68", { live: { [cell]: -68 } }).right).toBe(true);
    expect(checkAnswer(live, "-68", { live: { [cell]: -40 } }).right).toBe(false);
    expect(checkAnswer(live, "-68")).toEqual({ right: false, reason: "the answer is not computed yet" });
  });

  it("checks a formula at seeded points", () => {
    expect(checkAnswer(formula, "28*w - 68", { compareFormulas }).right).toBe(true);
    expect(checkAnswer(formula, "28w + 68", { compareFormulas })).toEqual({ right: false, reason: expect.stringMatching(/differ/) });
  });

  it("gives the author's feedback for a wrong answer it names, and the catch-all for others", () => {
    expect(checkAnswer(feedback, "0.34")).toEqual({ right: false, feedback: "that is α·|grad|/10" });
    expect(checkAnswer(feedback, "7")).toEqual({ right: false, feedback: "start from 0" });
    expect(checkAnswer(feedback, "3.4")).toEqual({ right: true });
  });
});

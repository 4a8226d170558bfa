import { describe, expect, it } from "vitest";
import { observe, queue } from "../../src/runtime/generators.ts";
import { Mutable } from "../../src/runtime/mutable.ts";

describe("observe", () => {
  it("yields the latest pushed value, waiting when there is none", async () => {
    let change!: (x: number) => number;
    const generator = observe<number>((c) => void (change = c));
    const first = generator.next().value; // Starts the initializer; nothing pushed yet.
    change(1);
    expect(await first).toBe(1);
    change(2);
    change(3); // Only the latest value matters.
    expect(await generator.next().value).toBe(3);
  });

  it("calls the dispose function when the runtime returns the generator", () => {
    let disposed = 0;
    const generator = observe<number>((change) => {
      change(0);
      return () => ++disposed;
    });
    expect(generator.next().value).toBe(0);
    generator.return();
    expect(disposed).toBe(1);
  });

  it("rejects an initializer that returns something other than a function", () => {
    const generator = observe(() => 42 as unknown as void);
    expect(() => generator.next()).toThrow(/initializer/);
  });
});

describe("queue", () => {
  it("yields every pushed value in order", async () => {
    let push!: (x: string) => string;
    const generator = queue<string>((c) => void (push = c));
    const first = generator.next().value;
    push("a");
    push("b");
    expect(await first).toBe("a");
    expect(await generator.next().value).toBe("b");
  });
});

describe("Mutable", () => {
  it("yields its initial value, then each assignment", async () => {
    const count = Mutable(0);
    expect(count.next().value).toBe(0);
    const next = count.next().value;
    count.value += 1;
    expect(count.value).toBe(1);
    expect(await next).toBe(1);
  });

  it("accepts an assignment before the runtime starts reading", () => {
    const name = Mutable("a");
    name.value = "b";
    expect(name.next().value).toBe("b");
  });
});

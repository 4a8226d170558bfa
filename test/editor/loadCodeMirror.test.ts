// @vitest-environment happy-dom
import { expect, it, vi } from "vitest";
import { loadCodeMirror } from "../../src/editor/loadCodeMirror.ts";

const imports = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../src/editor/codemirror.ts", () => {
  imports.count++;
  return { createCodeEditor: () => undefined };
});

it("loads the CodeMirror module once, on the first call", async () => {
  expect(imports.count).toBe(0);
  const [a, b] = await Promise.all([loadCodeMirror(), loadCodeMirror()]);
  expect(a).toBe(b);
  expect(await loadCodeMirror()).toBe(a);
  expect(imports.count).toBe(1);
  expect(typeof a.createCodeEditor).toBe("function");
});

// The page's checker's host: fixed files in memory and one changing file, whose new texts tell
// TypeScript which span changed (so a keystroke reparses a line, not the lesson).
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { createMemoryHost } from "../../src/typecheck/createMemoryHost.ts";

const files = new Map([
  ["/lib.d.ts", "interface Array<T> { length: number }"],
  ["/pkg/types/index.d.ts", "export declare const answer: number;"],
]);

describe("createMemoryHost", () => {
  test("a new text says which span changed since the last one", () => {
    const memory = createMemoryHost(files, "/lessons/a.ts", "const a = 1;\nconst b = 2;\n", [], {});
    const before = memory.host.getScriptSnapshot("/lessons/a.ts")!;
    memory.setText("const a = 1;\nconst bee = 2;\n");
    const after = memory.host.getScriptSnapshot("/lessons/a.ts")!;
    expect(after.getChangeRange(before)).toEqual({ span: { start: 20, length: 0 }, newLength: 2 });
    expect(memory.host.getScriptVersion("/lessons/a.ts")).not.toBe(memory.host.getScriptVersion("/pkg/types/index.d.ts"));
  });

  test("the same text again is no new version", () => {
    const memory = createMemoryHost(files, "/lessons/a.ts", "export {};", [], {});
    const version = memory.host.getScriptVersion("/lessons/a.ts");
    memory.setText("export {};");
    expect(memory.host.getScriptVersion("/lessons/a.ts")).toBe(version);
  });

  test("knows the folders of its files, and nothing else", () => {
    const { host } = createMemoryHost(files, "/lessons/a.ts", "export {};", [], {});
    expect(host.directoryExists!("/pkg/types")).toBe(true);
    expect(host.directoryExists!("/elsewhere")).toBe(false);
    expect(host.getDirectories!("/")).toEqual(expect.arrayContaining(["pkg", "lessons"]));
    expect(host.fileExists("/pkg/types/index.d.ts")).toBe(true);
    expect(host.fileExists("/pkg/types/other.d.ts")).toBe(false);
  });

  test("a language service over it reports errors in the changing file", () => {
    const memory = createMemoryHost(files, "/lessons/a.ts", 'import {answer} from "/pkg/types/index";\nconst n: number = answer;\n', [], { noLib: true, types: [] });
    const service = ts.createLanguageService(memory.host);
    expect(service.getSemanticDiagnostics("/lessons/a.ts").map((d) => d.messageText)).toEqual([]);
    memory.setText('import {answer} from "/pkg/types/index";\nconst n: string = answer;\n');
    expect(service.getSemanticDiagnostics("/lessons/a.ts").map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([
      "Type 'number' is not assignable to type 'string'.",
    ]);
  });

  test("a fixed file's text can be replaced: a language service then sees the new text", () => {
    const memory = createMemoryHost(files, "/lessons/a.ts", 'import {answer} from "/pkg/types/index";\nconst n: number = answer;\n', [], { noLib: true, types: [] });
    const service = ts.createLanguageService(memory.host);
    expect(service.getSemanticDiagnostics("/lessons/a.ts")).toEqual([]);
    const version = memory.host.getScriptVersion("/pkg/types/index.d.ts");
    memory.setFile("/pkg/types/index.d.ts", "export declare const answer: string;");
    expect(memory.host.getScriptVersion("/pkg/types/index.d.ts")).not.toBe(version);
    expect(service.getSemanticDiagnostics("/lessons/a.ts").map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([
      "Type 'string' is not assignable to type 'number'.",
    ]);
    memory.setFile("/pkg/types/index.d.ts", files.get("/pkg/types/index.d.ts")!);
    expect(service.getSemanticDiagnostics("/lessons/a.ts")).toEqual([]);
    expect(() => memory.setFile("/pkg/types/other.d.ts", "")).toThrow(/not one of the host's files/);
  });
});

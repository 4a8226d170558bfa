// The browser's declarations cut to what the lessons use, for the page checker's first answer.
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { findLookedInto, findReferencedNames, subsetBrowserTypes, type SubsetOptions } from "../../src/typecheck/subsetBrowserTypes.ts";

const browserText = [
  "interface EventTarget { addEventListener(type: string): void; }",
  "interface Node extends EventTarget { readonly ownerDocument: Document | null; readonly rect: DOMRect; }",
  "interface DOMRect { x: number; y: number; }",
  "interface Document extends Node { readonly defaultView: (WindowProxy & typeof globalThis) | null; readonly title: string; }",
  "declare var Document: { prototype: Document; new(): Document };",
  "interface Window { readonly document: Document; }",
  "type WindowProxy = Window;",
  "declare var window: Window & typeof globalThis;",
  "declare var document: Document;",
  "declare function alert(message?: any): void;",
  "interface NodeListOf<TNode extends Node> { item(index: number): TNode; }",
  "",
].join("\n");
const browser = () => [ts.createSourceFile("/lib.dom.d.ts", browserText, ts.ScriptTarget.ES2022, true)];
const subset = (options: Partial<SubsetOptions>) => subsetBrowserTypes(browser(), { seeds: new Set(), wanted: new Set(), full: new Set(), merged: new Set(), ...options });
const lines = (text: string) => text.split("\n").filter(Boolean);

describe("findReferencedNames", () => {
  test("finds names in scope, not members, property names or declared names", () => {
    const file = ts.createSourceFile("a.ts", "interface A extends B<C> { d: E; f(g: H): I.J }\nconst k = l.m + n({ o: p, q });", ts.ScriptTarget.ES2022, true);
    expect([...findReferencedNames(file)].sort()).toEqual(["B", "C", "E", "H", "I", "l", "n", "p", "q"]);
  });
});

describe("subsetBrowserTypes", () => {
  test("keeps what the seeds reach, interfaces as stubs with their type parameters unless whole", () => {
    const found = subset({ seeds: new Set(["NodeListOf"]), full: new Set(["Node", "EventTarget"]) })!;
    expect(lines(found.files["/lib.dom.d.ts"]!)).toEqual([
      "interface EventTarget { addEventListener(type: string): void; }",
      "interface Node extends EventTarget { readonly ownerDocument: Document | null; readonly rect: DOMRect; }",
      "interface DOMRect {}",
      "interface Document {}",
      "declare var Document: { prototype: Document; new(): Document };",
      "interface NodeListOf<TNode extends Node> {}",
      "interface __LessonSubsetProbe {}",
    ]);
    expect(found.leftOut).toEqual(["Window", "WindowProxy", "alert", "document", "globalThis", "window"]);
  });

  test("leaves out what names globalThis, and keeps an interface naming it a stub even when asked whole", () => {
    const found = subset({ wanted: new Set(["window", "document"]), full: new Set(["Document", "Window"]) })!;
    const text = found.files["/lib.dom.d.ts"]!;
    expect(text).not.toContain("globalThis");
    expect(text).toMatch(/^interface Document {}$/m);
    expect(text).toMatch(/^declare var document: Document;$/m);
    expect(found.leftOut).toContain("window");
    expect(found.leftOut).not.toContain("document");
  });

  test("makes no subset when the other files name a left-out declaration or globalThis", () => {
    expect(subset({ seeds: new Set(["window"]) })).toBeUndefined();
    expect(subset({ seeds: new Set(["globalThis"]) })).toBeUndefined();
    expect(subset({ seeds: new Set(["document"]), merged: new Set(["Document"]) })).toBeUndefined();
    expect(subset({ seeds: new Set(["document"]) })).toBeDefined();
  });
});

describe("findLookedInto", () => {
  const programOver = (code: string) => {
    const dom = subset({ seeds: new Set(["Node", "alert"]), full: new Set(["Node", "EventTarget"]) })!.files["/lib.dom.d.ts"]!;
    const files = new Map([["/lib.dom.d.ts", dom], ["/main.ts", code]]);
    const options: ts.CompilerOptions = { noLib: true, strict: true, noEmit: true, types: [] };
    const host = ts.createCompilerHost(options);
    host.getSourceFile = (name, target) => (files.has(name) ? ts.createSourceFile(name, files.get(name)!, target) : undefined);
    host.fileExists = (name) => files.has(name);
    const program = ts.createProgram({ rootNames: ["/lib.dom.d.ts", "/main.ts"], options, host });
    return { program, problems: () => program.getSemanticDiagnostics(program.getSourceFile("/main.ts")).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")) };
  };

  test("sees a look inside a stub (its members), and none when a check only names it", () => {
    const named = programOver("declare const n: Node;\nconst r: DOMRect = n.rect;\nn.addEventListener('x');\n");
    named.problems();
    expect(findLookedInto(named.program, ["/lib.dom.d.ts"])).toEqual([]);
    const looked = programOver("declare const n: Node;\nconst x: string = n.rect.x;\n");
    // Over the stub, the member is missing: the answer the page must never show.
    expect(looked.problems()).toEqual(["Property 'x' does not exist on type 'DOMRect'."]);
    expect(findLookedInto(looked.program, ["/lib.dom.d.ts"])).toEqual(["DOMRect"]);
  });
});

// The plugin inside a Vite dev server (no browser): page HTML and the lesson's module, and what it
// refuses to serve.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type ViteDevServer } from "vite";
import { contentSecurityPolicy } from "../../src/site/contentSecurityPolicy.ts";
import { lessonPlugin } from "../../src/vite/index.ts";

const scratch = fileURLToPath(new URL("../../node_modules/.live-lesson-test/", import.meta.url));
let outside: string;
let dir: string;
let server: ViteDevServer;

beforeAll(async () => {
  mkdirSync(scratch, { recursive: true });
  // The lessons folder, and beside it and inside it Markdown that is no page of the site.
  outside = mkdtempSync(join(scratch, "dev-"));
  dir = join(outside, "lessons");
  mkdirSync(join(dir, "sub"), { recursive: true });
  writeFileSync(join(outside, "secret.md"), "# SECRET outside the lessons folder\n");
  writeFileSync(join(dir, "_draft.md"), "# SECRET draft\n");
  writeFileSync(join(dir, "sub", "nested.md"), "# SECRET in a sub-folder\n");
  writeFileSync(
    join(dir, "a.md"),
    '---\ntitle: A\n---\n\n# A\n\n```ts\nimport {derivative} from "live-lesson/math";\nconst x = 1;\n```\n\n```ts\nimport {nope} from "no-such-package";\n```\n\n${x + 1}\n',
  );
  server = await createServer({
    configFile: false,
    logLevel: "silent",
    plugins: [lessonPlugin({ root: dir })],
    server: { host: "127.0.0.1", port: 0, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await server.listen();
});

afterAll(async () => {
  await server?.close();
  rmSync(outside, { recursive: true, force: true });
});

/** A raw GET (fetch would normalise `..` and refuse a malformed URL before sending it). */
function get(path: string): Promise<{ status: number; body: string }> {
  const { port } = server.httpServer!.address() as AddressInfo;
  return new Promise((done, fail) => {
    const req = request({ host: "127.0.0.1", port, path }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => done({ status: res.statusCode!, body }));
    });
    req.on("error", fail);
    req.end();
  });
}

describe("the lesson module in dev", () => {
  it("defines every cell, loads imports through Vite, and accepts hot updates", async () => {
    const result = await server.transformRequest("virtual:live-lesson/page/a");
    const code = result!.code;
    expect(code.match(/body: \(/g)).toHaveLength(3);
    expect(code).toMatch(/"live-lesson\/math": \(\) => import\("[^"]*src\/math\/index\.ts"\)/);
    expect(code).toContain('"no-such-package": () => Promise.reject(');
    expect(code).toContain('"code":"unresolved-import"');
    // Vite sees the module accept its own updates (it rewrites import.meta.hot for it).
    expect(code).toContain("import.meta.hot.accept()");
    expect(code).toContain("import.meta.hot = __vite__createHotContext(");
  });

  it("serves the index and the lesson pages", async () => {
    const { port } = server.httpServer!.address() as AddressInfo;
    const index = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    expect(index).toContain('href="./a.html"');
    expect(index).toContain("/@vite/client");
    for (const path of ["/a", "/a.html"]) {
      const page = await (await fetch(`http://127.0.0.1:${port}${path}`)).text();
      expect(page).toContain('<script type="module" src="/@id/virtual:live-lesson/page/a"></script>');
      // The dev server checks types across cells: the page says so to the runtime's startPage.
      expect(page).toContain('<main id="lesson" data-lesson="a" data-type-warnings>');
    }
    expect((await fetch(`http://127.0.0.1:${port}/missing.html`)).status).toBe(404);
  });

  it("sends the built pages' Content-Security-Policy with every page, plus who may frame it", async () => {
    const { port } = server.httpServer!.address() as AddressInfo;
    for (const path of ["/", "/a.html"]) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      const policy = response.headers.get("content-security-policy") ?? "";
      expect(policy, path).toBe(`${contentSecurityPolicy("meta")}; frame-ancestors 'self'`);
      for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'"]) expect(policy, path).toContain(directive);
    }
  });

  it("applies the stored theme inline in <head>, before the first paint", async () => {
    const { port } = server.httpServer!.address() as AddressInfo;
    const page = await (await fetch(`http://127.0.0.1:${port}/a.html`)).text();
    const init = page.indexOf('localStorage.getItem("live-lesson-theme")');
    expect(init).toBeGreaterThan(0);
    expect(init).toBeLessThan(page.indexOf("</head>"));
    expect(page.lastIndexOf("<script>", init)).toBeGreaterThan(page.indexOf("<head>"));
  });

  it("embeds the lesson body, and starts the page with its hot context, the editors and the learning side", async () => {
    const code = (await server.transformRequest("virtual:live-lesson/page/a"))!.code;
    expect(code).toContain('html: "');
    expect(code).toContain("export const learning = {");
    expect(code).toContain("startPage({lesson, hot: import.meta.hot, installEditors, learning, installLearning});");
  });
});

describe("what the dev server refuses", () => {
  it("answers a malformed URL with 400 and keeps serving", async () => {
    // A page on any origin can send these (<img src="http://localhost:5173/%">).
    for (const path of ["/%", "/a%", "/%E0%A4%A", "/%E0%A4%A.html", "/sub/%zz"]) {
      expect((await get(path)).status, path).toBe(400);
    }
    expect((await get("/a.html")).status).toBe(200);
  });

  it("serves no page module outside the lessons folder, from a sub-folder or of a draft", async () => {
    const ids = [
      "virtual:live-lesson/page/../secret",
      "virtual:live-lesson/page/..%2fsecret",
      "virtual:live-lesson/page/sub/nested",
      "virtual:live-lesson/page/_draft",
      "virtual:live-lesson/page/%2e%2e/secret",
      "virtual:live-lesson/library/plot/../secret",
      "virtual:live-lesson/library/plot/../../secret",
      "virtual:live-lesson/library/../page/../secret",
      "virtual:live-lesson/problem/../secret",
    ];
    for (const id of ids) {
      for (const path of [`/@id/__x00__${id}`, `/@id/${id}`]) {
        const { status, body } = await get(path);
        expect(body, path).not.toContain("SECRET");
        expect(status, path).not.toBe(200);
      }
      // Through the module graph too (what a page's import would reach): refused, or nothing of the file.
      const code = await server.transformRequest(id).then((r) => r?.code ?? "", (error: Error) => `refused: ${error.message}`);
      expect(code, id).not.toContain("SECRET");
    }
    // The rule is the page matcher's: the lesson itself still loads.
    expect((await get("/@id/__x00__virtual:live-lesson/page/a")).status).toBe(200);
  });
});

// The browser-test harness: Debian's Chromium through playwright-core, a dev server on a scratch
// copy of the lessons, and a built site served from a sub-path by a tiny static server.
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, readdir, rm, stat, symlink } from "node:fs/promises";
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { ViteDevServer } from "vite";
import { buildSite } from "../../src/vite/buildSite.ts";
import { startServer } from "../../src/vite/startServer.ts";

export const repoDir = fileURLToPath(new URL("../..", import.meta.url));
export const bundledLessonsDir = join(repoDir, "lessons");
export const fixtureLessonsDir = fileURLToPath(new URL("lessons", import.meta.url));
export const screenshotsDir = fileURLToPath(new URL("screenshots", import.meta.url));

/** A headless Chromium with a fresh profile; `close()` also removes the profile. */
export interface Browser {
  context: BrowserContext;
  newPage(options?: { width?: number; height?: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Launches Debian's Chromium (CHROMIUM_PATH overrides). Throws, never skips, when it is missing. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}; install with apt-get install chromium`);
  }
  const profile = await mkdtemp(join(tmpdir(), "live-lesson-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1000, height: 800 },
  });
  return {
    context,
    async newPage({ width = 1000, height = 800 } = {}) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      return page;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A scratch copy of the bundled lessons plus the fixture lessons, safe for tests to edit. It lives
 * outside the repo (Vite does not watch files under node_modules) with a `node_modules` link to
 * the repo's, so the lessons resolve and pre-bundle this package's dependencies as lessons/ does.
 */
export async function copyLessons(fixtureFolder?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "live-lesson-e2e-"));
  await symlink(join(repoDir, "node_modules"), join(dir, "node_modules"), "dir");
  if (fixtureFolder !== undefined) {
    // One fixture folder on its own (test/e2e/lessons/_faults/ has compile errors on purpose,
    // which would fail `lesson build`, so the site build never sees it).
    await cp(join(fixtureLessonsDir, fixtureFolder), dir, { recursive: true });
    return dir;
  }
  // No existence check: a missing lessons/ must fail the tests that use it, not hand them a site without it.
  await cp(bundledLessonsDir, dir, { recursive: true });
  for (const name of await readdir(fixtureLessonsDir)) {
    await cp(join(fixtureLessonsDir, name), join(dir, name), { recursive: true });
  }
  return dir;
}

/** A running site: its URL (ending in "/"), its lessons folder, and how to stop it. */
export interface Site {
  url: string;
  lessonsDir: string;
  close(): Promise<void>;
}

/**
 * Starts the Vite dev server with the lesson plugin on a scratch copy of the lessons (the bundled
 * ones and the fixtures), or of one fixture folder `test/e2e/lessons/<fixtureFolder>` alone.
 */
export async function startDevServer(fixtureFolder?: string): Promise<Site> {
  const lessonsDir = await copyLessons(fixtureFolder);
  const server: ViteDevServer = await startServer(
    { root: lessonsDir },
    { logLevel: "warn", clearScreen: false, server: { host: "127.0.0.1", port: await findFreePort(), strictPort: true } },
  );
  const { port } = server.httpServer!.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    lessonsDir,
    async close() {
      await server.close();
      await rm(lessonsDir, { recursive: true, force: true });
    },
  };
}

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".json": "application/json",
};

/** Builds the scratch lessons (or one fixture folder alone) and serves `dist` under `subPath` (e.g. "/course/") with node:http. */
export async function buildAndServe(subPath = "/course/", fixtureFolder?: string): Promise<Site & { outDir: string }> {
  const lessonsDir = await copyLessons(fixtureFolder);
  const outDir = await mkdtemp(join(tmpdir(), "live-lesson-e2e-dist-"));
  // fixture-types.md has a type error across cells on purpose (the dev server's warning in place);
  // a strict build would refuse it, so this site is built as `lesson build --no-typecheck` does.
  await buildSite({ dir: lessonsDir, outDir, quiet: true, typecheck: false });
  const served = await serveFolder(outDir, subPath);
  return {
    url: served.url,
    lessonsDir,
    outDir,
    async close() {
      await served.close();
      await rm(lessonsDir, { recursive: true, force: true });
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/**
 * A suite's Chromium and built site (the scratch lessons served under `subPath`): launched and built
 * together before the suite's tests, both closed after them. Read them through the returned getters.
 */
export function useBrowserAndBuiltSite(subPath = "/course/"): { readonly browser: Browser; readonly site: Site & { outDir: string } } {
  let browser: Browser | undefined;
  let site: (Site & { outDir: string }) | undefined;
  beforeAll(async () => {
    [browser, site] = await Promise.all([launchBrowser(), buildAndServe(subPath)]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`the suite's ${name} is read before its beforeAll has started it`);
    return value;
  };
  return {
    get browser() {
      return ready(browser, "browser");
    },
    get site() {
      return ready(site, "built site");
    },
  };
}

/** Serves the built site in `outDir` under `subPath` (e.g. "/course/") with node:http, as a static host would. */
export async function serveFolder(outDir: string, subPath = "/course/"): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createHttpServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (!pathname.startsWith(subPath)) {
      res.writeHead(404).end("outside the site");
      return;
    }
    let file = resolve(outDir, normalize(`./${pathname.slice(subPath.length)}`));
    if (!file.startsWith(outDir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "Content-Type": contentTypes[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${subPath}`,
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}

async function findFreePort(): Promise<number> {
  const probe = createHttpServer();
  await new Promise<void>((done) => probe.listen(0, "127.0.0.1", done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

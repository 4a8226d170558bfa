// Serves one folder of fixture lessons on its own, for lessons the site build must not see
// (test/e2e/lessons/_faults/ has compile errors on purpose, which would fail `lesson build`).
import { cp, mkdtemp, rm, symlink } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "vite";
import { lessonPlugin } from "../../src/vite/index.ts";
import { fixtureLessonsDir, repoDir, type Site } from "./browser.ts";

/** Starts the dev server on a scratch copy of `test/e2e/lessons/<folder>`. */
export async function serveFixtureFolder(folder: string): Promise<Site> {
  const lessonsDir = await mkdtemp(join(tmpdir(), "live-lesson-e2e-folder-"));
  await symlink(join(repoDir, "node_modules"), join(lessonsDir, "node_modules"), "dir");
  await cp(join(fixtureLessonsDir, folder), lessonsDir, { recursive: true });
  const server = await createServer({
    configFile: false,
    logLevel: "error",
    clearScreen: false,
    plugins: [lessonPlugin({ root: lessonsDir })],
    server: { host: "127.0.0.1", port: 0 },
  });
  await server.listen();
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

// live-lesson's side: cold site builds (a child process, like the peers'), and a dev server.
import { spawn } from "node:child_process";
import { cp, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoDir = fileURLToPath(new URL("../..", import.meta.url));
/** The `lesson` command as an installed package runs it (lib/, no TypeScript loader). */
export const installedLesson = fileURLToPath(new URL("lesson-installed.js", import.meta.url));

/**
 * Cold `lesson build <dir> --out <out> [...args]` (e.g. `--no-prerender`): a new Node process running
 * the compiled package as an installed one does (bench/lib/lesson-installed.js, no TypeScript
 * loader), the output folder and the type check's cached answers removed first (keepTypeCache: a
 * rebuild with them); wall clock, process start included.
 */
export async function buildOurs(dir, outDir, { args = [], keepTypeCache = false } = {}) {
  await clearOurBuild(outDir, { keepTypeCache });
  const start = performance.now();
  let output = "";
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [installedLesson, "build", dir, "--out", outDir, ...args], { cwd: repoDir, env: process.env });
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`lesson build exited ${code}\n${output}`))));
  });
  return { ms: performance.now() - start, output };
}

/** What a cold build starts without: `outDir`, and unless `keepTypeCache`, the type check's kept answers. */
export async function clearOurBuild(outDir, { keepTypeCache = false } = {}) {
  await rm(outDir, { recursive: true, force: true });
  // Cold: the type check's answers kept by an earlier build (src/check/cacheTypeAnswers.ts) go too,
  // unless a rebuild is what is measured. (The minified TypeScript in node_modules/.cache stays: it
  // is made once per TypeScript version, as an installed course keeps it.)
  if (!keepTypeCache) await rm(join(repoDir, "node_modules/.cache/live-lesson/types"), { recursive: true, force: true });
}

/** A scratch folder with copies of `files` and a node_modules link (Vite does not watch node_modules). */
export async function scratchLessons(files) {
  const dir = await mkdtemp(join(tmpdir(), "live-lesson-bench-"));
  await symlink(join(repoDir, "node_modules"), join(dir, "node_modules"), "dir");
  for (const [name, from] of Object.entries(files)) await cp(from, join(dir, name));
  return dir;
}

/** The Vite dev server with the lesson plugin on `dir` (what `lesson dev` runs), on 127.0.0.1. */
export async function startDevServer(dir) {
  const { createServer } = await import("vite");
  const { lessonPlugin } = await import("../../lib/vite/index.js");
  const server = await createServer({
    configFile: false,
    logLevel: "silent",
    clearScreen: false,
    plugins: [lessonPlugin({ root: dir })],
    server: { host: "127.0.0.1", port: 0 },
  });
  await server.listen();
  const { port } = server.httpServer.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}

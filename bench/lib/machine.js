// The machine a run happened on: CPUs, memory, OS, Node and Chromium versions.
import { execFileSync } from "node:child_process";
import os from "node:os";

/** A description of this machine for BENCHMARKS.md. */
export function describeMachine(chromium) {
  const cpus = os.cpus();
  let chromiumVersion = "unknown";
  try {
    chromiumVersion = execFileSync(chromium, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {}
  return {
    cpus: `${cpus.length} × ${cpus[0]?.model ?? "unknown"}${cpus[0]?.speed ? ` (${cpus[0].speed} MHz)` : ""}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(os.freemem() / 2 ** 30).toFixed(1)} GiB free at start`,
    loadavg: os.loadavg().map((l) => l.toFixed(2)).join(", "),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    npm: (() => { try { return execFileSync("npm", ["--version"], { encoding: "utf8" }).trim(); } catch { return "unknown"; } })(),
    chromium: chromiumVersion,
  };
}

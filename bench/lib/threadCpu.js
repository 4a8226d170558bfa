// A child process run with the CPU of each of its threads and of its own children's, read from
// Linux's /proc every 50 ms (schedstat: ns-precise time on a CPU). Node 20 names none of its threads: the main one's id is the process's,
// and worker_threads are told from V8's and libuv's by when they appear and what they use.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const TICK_MS = 50;
const CLOCK_TICK_MS = 10; // USER_HZ is 100 on Linux

/** [name, cpuMs] of one thread, or null once it is gone. */
function readThread(pid, tid) {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
    const close = stat.lastIndexOf(")");
    const name = stat.slice(stat.indexOf("(") + 1, close);
    return [name, readSchedCpuMs(`/proc/${pid}/task/${tid}`) ?? ticksToMs(stat.slice(close + 2).split(" "))];
  } catch {
    return null;
  }
}

/** A thread's time on a CPU, ns-precise (schedstat's first field), or null where the kernel keeps none. */
export function readSchedCpuMs(taskDir = "/proc/thread-self") {
  try {
    return Number(readFileSync(`${taskDir}/schedstat`, "utf8").split(" ")[0]) / 1e6;
  } catch {
    return null;
  }
}

/** utime + stime of a stat line's fields after the name, in ms (10 ms ticks). */
const ticksToMs = (fields) => (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;

/** The thread ids of `pid`, and its child processes' ids (their threads are read the same way). */
function readTasks(pid) {
  try {
    const tids = readdirSync(`/proc/${pid}/task`);
    const children = tids.flatMap((tid) => { try { return readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").split(" ").filter(Boolean); } catch { return []; } });
    return { tids, children };
  } catch {
    return { tids: [], children: [] };
  }
}

/**
 * Runs `command args` and resolves to {wallMs, threads: [{pid, tid, name, cpuMs, firstSeenMs,
 * mainCpuAtFirstSeenMs, root}], output}: every thread of the process and of its descendants, with
 * the CPU last read before it ended (so up to 50 ms of each thread's last moments is missed), and
 * when it was first seen, in wall time and in its process's main-thread CPU (threads Node starts
 * with its process are seen before the main thread has run any script).
 * `root` marks the threads of the spawned process itself. Rejects when the command fails.
 */
export function runWithThreadCpu(command, args, { cwd, env = process.env } = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd, env });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const threads = new Map();
    // Every thread first seen in one poll gets the same time, so a burst of threads reads as one.
    const poll = (pid, root, at = performance.now() - start) => {
      const { tids, children } = readTasks(pid);
      for (const tid of tids) {
        const read = readThread(pid, tid);
        if (!read) continue;
        const key = `${pid}:${tid}`;
        const known = threads.get(key);
        const mainCpuMs = threads.get(`${pid}:${pid}`)?.cpuMs ?? 0;
        threads.set(key, { pid: Number(pid), tid: Number(tid), name: read[0], cpuMs: read[1], firstSeenMs: known?.firstSeenMs ?? at, mainCpuAtFirstSeenMs: known?.mainCpuAtFirstSeenMs ?? mainCpuMs, root });
      }
      for (const pid of children) poll(pid, false, at);
    };
    const timer = setInterval(() => poll(child.pid, true), TICK_MS);
    poll(child.pid, true);
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(timer);
      const wallMs = performance.now() - start;
      if (code === 0) resolve({ wallMs, threads: [...threads.values()], output });
      else reject(new Error(`${command} ${args.join(" ")} exited ${code}\n${output}`));
    });
  });
}

// Runs a `lesson` command in-process and captures what it prints.
import { vi } from "vitest";

/** What a command returned and printed (stdout through console.log, stderr through console.error/warn). */
export interface Captured {
  code: number;
  out: string;
  err: string;
}

/** Runs `command` with console.log, console.info, console.warn and console.error captured. */
export async function capture(command: () => Promise<number>, onOut?: (line: string) => void): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const toOut = (...args: unknown[]) => {
    const line = args.join(" ");
    out.push(line);
    onOut?.(line);
  };
  const spies = [
    vi.spyOn(console, "log").mockImplementation(toOut),
    vi.spyOn(console, "info").mockImplementation(toOut),
    vi.spyOn(console, "warn").mockImplementation((...args) => void err.push(args.join(" "))),
    vi.spyOn(console, "error").mockImplementation((...args) => void err.push(args.join(" "))),
  ];
  try {
    return { code: await command(), out: out.join("\n"), err: err.join("\n") };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

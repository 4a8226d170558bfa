// `lesson dev [dir] [--port N] [--host H] [--open]`: the Vite dev server on a folder of lessons.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { startServer } from "../vite/startServer.ts";
import { parseCommandArgs } from "./parseCommandArgs.ts";

const usage = `Usage: lesson dev [dir] [--port N] [--host H] [--open]

Serves the lessons in dir (default: lessons) with hot reload.
  --port N   port to listen on (default 5173, or the next free one)
  --host H   listen on H (e.g. 0.0.0.0) instead of localhost only
  --open     open the index page in the browser, when there is one`;

/** Runs the dev server until SIGINT/SIGTERM; resolves to the exit code. */
export async function runDev(args: string[]): Promise<number> {
  const parsed = parseCommandArgs("dev", usage, args, {
    port: { type: "string" },
    host: { type: "string" },
    open: { type: "boolean", default: false },
  });
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    console.error(`lesson dev: --port must be a port number, not "${values.port}"`);
    return 1;
  }
  const dir = resolve(positionals[0] ?? "lessons");
  if (!existsSync(dir)) {
    console.error(`lesson dev: no folder ${dir}`);
    return 1;
  }
  const server = await startServer(
    { root: dir },
    {
      server: {
        port,
        host: values.host ?? "localhost",
        // Opening is best effort: with no browser (CI, SSH, containers) the server just runs.
        open: values.open && canOpenBrowser() ? "/" : false,
      },
    },
  );
  server.printUrls();
  if (values.open && !canOpenBrowser()) server.config.logger.info("  (no browser to open: visit the URL above)");
  return new Promise<number>((done) => {
    const stop = async () => {
      await server.close();
      done(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

/** False on machines without a display or an opener, where Vite's open would only print errors. */
function canOpenBrowser(): boolean {
  if (process.env.BROWSER === "none") return false;
  if (process.platform === "darwin" || process.platform === "win32") return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.env.BROWSER);
}

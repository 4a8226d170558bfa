// The dev server on a folder of lessons, as `lesson dev`, `lesson check`'s headless run and the
// browser tests start it: Vite with this plugin and no config file.
import { createServer, type InlineConfig, type ViteDevServer } from "vite";
import { lessonPlugin, type LessonPluginOptions } from "./plugin.ts";

/** Starts Vite's dev server on the lessons of `site.root` with `config` (port, host, logging…); resolves once it listens. */
export async function startServer(site: LessonPluginOptions, config: InlineConfig = {}): Promise<ViteDevServer> {
  const server = await createServer({ ...config, configFile: false, plugins: [lessonPlugin(site), ...(config.plugins ?? [])] });
  await server.listen();
  return server;
}

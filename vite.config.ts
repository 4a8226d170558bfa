// `npx vite` / `npx vite build` on this repo's own lessons: the same plugin `lesson dev` uses.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { lessonPlugin } from "./src/vite/index.ts";

export default defineConfig({
  plugins: [lessonPlugin({ root: fileURLToPath(new URL("lessons", import.meta.url)) })],
  // The plugin makes lessons/ the Vite root, so the output folder is given absolutely.
  build: { outDir: fileURLToPath(new URL("dist", import.meta.url)), emptyOutDir: true },
});

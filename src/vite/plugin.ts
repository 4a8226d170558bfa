// The Vite plugin: thin hooks over the site model (src/site/), which knows the lessons, their order,
// their compiled form, the page a URL names and each page's HTML. Pages are generated, never
// written to disk. Each page's script is a virtual module, `virtual:live-lesson/page/<slug>`
// (lessons) or `virtual:live-lesson/shell` (the index), rendered from the compiled lesson.
//
// The plugin is three: what dev and build share (config, resolving, the index's module) here, the
// dev server's hooks in devPlugin.ts and the build's in buildPlugin.ts (Vite applies each in its
// own command), so no hook asks which one is running; inlineStyles.ts, last, puts each built
// page's stylesheets into its HTML.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { normalizePath, searchForWorkspaceRoot, type Plugin } from "vite";
import { createSite } from "../site/createSite.ts";
import { renderShellModule } from "../site/renderLessonModule.ts";
import { createBuildPlugin, type BuildPluginOptions } from "./buildPlugin.ts";
import { createDevPlugin } from "./devPlugin.ts";
import { findBrowserDependencies } from "./findBrowserDependencies.ts";
import { createInlineStylesPlugin } from "./inlineStyles.ts";
import { checkerEntry, entries, findSourceFiles, findStyles, packageDir } from "./packageFiles.ts";
import { resolveFromLesson } from "./resolveFromLesson.ts";
import { findPageSlug, isVirtualId, shellId } from "./virtualIds.ts";

/** Options of {@link lessonPlugin}. */
export interface LessonPluginOptions extends BuildPluginOptions {
  /** The folder of lessons (`<slug>.md`); it becomes Vite's root. */
  root: string;
  /** Public base path; default: course.yml's `base`, else "./" in builds (the site works from any sub-path) and "/" in dev. */
  base?: string;
  /** The site title in every page header; default: course.yml's `title`, else "Live Lessons". */
  title?: string;
}

/** The Vite plugins that serve and build a folder of Markdown lessons (use it as one: `plugins: [lessonPlugin(…)]`). */
export function lessonPlugin(options: LessonPluginOptions): Plugin[] {
  const site = createSite({ root: options.root, title: options.title });
  const shared: Plugin = {
    name: "live-lesson",
    enforce: "pre",

    config: (user, env) => ({
      // The lessons folder is the site: its pages, and the assets lessons link to, live there.
      root: site.root,
      ...(user.base === undefined ? { base: options.base ?? site.config.config.base ?? (env.command === "build" ? "./" : "/") } : {}),
      appType: "mpa",
      resolve: {
        alias: [
          { find: /^live-lesson\/runtime$/, replacement: entries.runtime },
          { find: /^live-lesson\/math$/, replacement: entries.math },
          { find: /^live-lesson\/editor$/, replacement: entries.editor },
          { find: /^live-lesson\/learn$/, replacement: entries.learn },
        ],
      },
      server: {
        fs: { allow: [searchForWorkspaceRoot(site.root), packageDir] },
        // Transformed at startup, so the first page view and the first in-page edit are quick.
        warmup: { clientFiles: findSourceFiles(["runtime", "editor", "learn", "learn/exercise"]) },
      },
      // Pre-bundled up front: a dependency discovered while a page loads would reload the page.
      // TypeScript is not: the type checker's worker loads it itself (checkerFiles.ts).
      optimizeDeps: { include: findBrowserDependencies(site.root, [entries.runtime, entries.editor, entries.math, entries.learn, entries.exercises, checkerEntry]).filter((name) => name !== "typescript") },
    }),

    resolveId(source, importer) {
      if (isVirtualId(source)) return `\0${source}`;
      // A page module is virtual: its imports resolve as if written in the lesson's .md file.
      const slug = findPageSlug(importer);
      if (slug !== undefined) return resolveFromLesson(this, source, site.pathOf(slug));
      if (importer === `\0${shellId}`) return resolveFromLesson(this, source, join(site.root, "index.md"));
      return null;
    },

    load: (id) => (id === `\0${shellId}` ? renderShellModule(findStyles(), existsSync(entries.learn) ? normalizePath(entries.learn) : undefined) : null),
  };
  return [shared, createDevPlugin(site), createBuildPlugin(site, options), createInlineStylesPlugin()];
}

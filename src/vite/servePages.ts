// Dev only: the middleware that answers page requests (`/`, `/index.html`, `/<slug>`, `/<slug>.html`)
// with the site model's HTML, through Vite's HTML transform (its client, its URL rewriting), and
// refuses a URL whose escapes do not decode (`/%`) with 400 before anything else reads it.
import type { ViteDevServer } from "vite";
import { contentSecurityPolicy } from "../site/contentSecurityPolicy.ts";
import type { Site } from "../site/createSite.ts";
import { pagePrefix, shellId } from "./virtualIds.ts";

/** Adds the page middleware to `server`; every other request goes on to Vite. */
export function servePages(server: ViteDevServer, site: Site): void {
  server.middlewares.use(async (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const pathname = (req.url ?? "/").split(/[?#]/)[0]!;
    if (!isDecodable(pathname)) {
      // Any page on any origin can make the browser send one (`<img src="http://localhost:5173/%">`).
      res.statusCode = 400;
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
      res.end("Bad request: the URL has a malformed %-escape.\n");
      return;
    }
    const base = server.config.base;
    if (!pathname.startsWith(base) && `${pathname}/` !== base) return next();
    const route = site.route(pathname.slice(base.length));
    if (!route) return next();
    try {
      const scriptSrc = `${base}@id/${route.kind === "index" ? shellId : pagePrefix + route.slug}`;
      const html = site.renderPage(route, { scriptSrc, csp: false, typeWarnings: true });
      if (html === undefined) return next();
      const transformed = await server.transformIndexHtml(req.url ?? "/", html, req.originalUrl);
      res.statusCode = 200;
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Cache-Control", "no-cache");
      // The built pages' policy, so a lesson that needs what it forbids fails in dev too.
      res.setHeader("Content-Security-Policy", contentSecurityPolicy("header"));
      res.end(transformed);
    } catch (error) {
      next(error);
    }
  });
}

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

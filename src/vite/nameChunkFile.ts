// Output file names of shared chunks.

/**
 * A shared chunk is named after its first module; when that is a stylesheet the name misleads
 * (a `katex.min-*.js` holding no KaTeX, a `site-*.js` holding the runtime), so such chunks are
 * called `shared`.
 */
export function nameChunkFile(chunk: { name: string; moduleIds: string[] }): string {
  const isNamedByStylesheet = chunk.moduleIds.some((id) => {
    const path = id.split("?")[0];
    return path.endsWith(".css") && path.replace(/^.*[\\/]/, "").replace(/\.css$/, "") === chunk.name;
  });
  return `assets/${isNamedByStylesheet ? "shared" : "[name]"}-[hash].js`;
}

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

/** The chunk of a module of a `d3-*` package: the package's name (e.g. `d3-scale`). */
export function nameD3Chunk(id: string): string | null {
  return /[\\/]node_modules[\\/](d3-[^\\/]+)[\\/]/.exec(id)?.[1] ?? null;
}

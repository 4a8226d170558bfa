// Samples a surface on an nx × ny grid at pixel centroids, row-major with row 0 at y1, which is
// exactly how Plot's raster and contour marks read a `values` array with width/height/x1…y2
// (node_modules/@observablehq/plot/src/marks/raster.js). An optional transform (e.g. log1p)
// spreads the levels of steep surfaces such as Rosenbrock's.
// Source: Observable Plot docs, the raster and contour marks (a values array with width, height, x1…y2).

import type { Surface } from "./surface.ts";

/** Grid samples ready for `Plot.contour(grid.values, {width, height, x1, x2, y1, y2, fill: Plot.identity})`. */
export interface ContourGrid {
  values: Float64Array;
  width: number;
  height: number;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

/** The surface's values (optionally transformed) on an nx × ny grid over its domain. */
export function contourGrid(surface: Surface, nx: number, ny: number, transform?: (z: number) => number): ContourGrid {
  const [x1, x2] = surface.domain.x;
  const [y1, y2] = surface.domain.y;
  const kx = (x2 - x1) / nx;
  const ky = (y2 - y1) / ny;
  const values = new Float64Array(nx * ny);
  const p = [0, 0];
  for (let j = 0, k = 0; j < ny; j++) {
    p[1] = y1 + (j + 0.5) * ky;
    for (let i = 0; i < nx; i++, k++) {
      p[0] = x1 + (i + 0.5) * kx;
      const z = surface.f(p);
      values[k] = transform ? transform(z) : z;
    }
  }
  return { values, width: nx, height: ny, x1, x2, y1, y2 };
}

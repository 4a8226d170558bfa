// The registry of test surfaces, in the order the lesson's menu lists them.
// Source: each surface's own file (bowl, elongated bowl, Rosenbrock, Himmelblau, saddle, line fit).

import { bowl } from "./bowl.ts";
import { elongatedBowl } from "./elongatedBowl.ts";
import { himmelblau } from "./himmelblau.ts";
import { lineFit } from "./lineFit.ts";
import { rosenbrock } from "./rosenbrock.ts";
import { saddle } from "./saddle.ts";
import type { Surface } from "./surface.ts";

/** Every test surface by name: bowl, elongatedBowl, rosenbrock, himmelblau, saddle, lineFit. */
export const surfaces: Readonly<Record<string, Surface>> = Object.freeze({
  bowl,
  elongatedBowl,
  rosenbrock,
  himmelblau,
  saddle,
  lineFit,
});

// live-lesson/math: pure math shared by lessons, tests and benchmarks. Re-exports only.

export type { Vector, ScalarField } from "./vector.ts";
export { derivative, secantSlope } from "./derivative.ts";
export { gradient } from "./gradient.ts";
export {
  exampleData,
  sumSquaredLoss,
  sumSquaredGrad,
  meanSquaredLoss,
  meanSquaredGrad,
  leastSquaresSlope,
  sumSquaredCurvature,
} from "./leastSquares.ts";
export type { DataPoint } from "./leastSquares.ts";
export { descend1d, classifyRun, divergenceThreshold } from "./descend1d.ts";
export type { DescentRow, Descend1dOptions, RunVerdict } from "./descend1d.ts";
export { formatFixed } from "./formatFixed.ts";
export { numpyListing } from "./numpyListing.ts";
export type { NumpyListingOptions } from "./numpyListing.ts";
export { chain, compose } from "./chain.ts";
export type { Layer, ForwardRow, BackwardRow, ChainResult } from "./chain.ts";
export type { Optimizer } from "./optimizers/optimizer.ts";
export { sgd } from "./optimizers/sgd.ts";
export type { SgdOptions } from "./optimizers/sgd.ts";
export { momentum } from "./optimizers/momentum.ts";
export type { MomentumOptions } from "./optimizers/momentum.ts";
export { momentumFromStep } from "./optimizers/momentumFromStep.ts";
export type { MomentumStep, MomentumFromStepOptions } from "./optimizers/momentumFromStep.ts";
export { nesterov } from "./optimizers/nesterov.ts";
export type { NesterovOptions } from "./optimizers/nesterov.ts";
export { adagrad } from "./optimizers/adagrad.ts";
export type { AdagradOptions } from "./optimizers/adagrad.ts";
export { rmsprop } from "./optimizers/rmsprop.ts";
export type { RmspropOptions } from "./optimizers/rmsprop.ts";
export { adam } from "./optimizers/adam.ts";
export type { AdamOptions } from "./optimizers/adam.ts";
export { runOptimizer } from "./optimizers/runOptimizer.ts";
export type { PathPoint, OptimizerRun, RunOptions } from "./optimizers/runOptimizer.ts";
export type { Surface } from "./surfaces/surface.ts";
export { distanceToMinimum, isInDomain } from "./surfaces/surface.ts";
export { bowl } from "./surfaces/bowl.ts";
export { elongatedBowl } from "./surfaces/elongatedBowl.ts";
export { rosenbrock } from "./surfaces/rosenbrock.ts";
export { himmelblau } from "./surfaces/himmelblau.ts";
export { saddle } from "./surfaces/saddle.ts";
export { lineFit } from "./surfaces/lineFit.ts";
export { surfaces } from "./surfaces/surfaces.ts";
export { contourGrid } from "./surfaces/contourGrid.ts";
export type { ContourGrid } from "./surfaces/contourGrid.ts";

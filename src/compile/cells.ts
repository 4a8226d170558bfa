// The per-cell API alone, without markdown-it, KaTeX, YAML or highlight.js: what the in-page editor bundles.

export type { Cell, CellOptions, Diagnostic } from "./types.ts";
export { analyzeCell, type CellAnalysis, type CellPlace } from "./cell/analyzeCell.ts";
export { checkCells } from "./cell/checkCells.ts";
export { transpileCell, type TranspiledCell } from "./cell/transpileCell.ts";
export { stripTypes, type StrippedCell } from "./cell/stripTypes.ts";
export { globals, isGlobal } from "./globals.ts";
export { hashCell } from "./cell/hashCell.ts";
export { findMemberUses } from "./cell/findMemberUses.ts";
export { instrumentLoops, mapOffset, type Insertion, type Instrumented } from "./cell/instrumentLoops.ts";

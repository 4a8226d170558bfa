// The per-cell API alone, without markdown-it, KaTeX, YAML or highlight.js: what the in-page editor bundles.

export type { Cell, CellOptions, Diagnostic } from "./types.ts";
export { analyzeCell, type CellAnalysis, type CellPlace } from "./analyzeCell.ts";
export { checkCells } from "./checkCells.ts";
export { transpileCell, type TranspiledCell } from "./transpileCell.ts";
export { stripTypes, type StrippedCell } from "./stripTypes.ts";
export { builtins, globals, isGlobal } from "./globals.ts";
export { hashCell } from "./hash.ts";
export { findMemberUses } from "./findMemberUses.ts";

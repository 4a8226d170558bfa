// A TypeScript language service over one lesson, in memory: the page's checker (a Web Worker) asks
// it for the errors of every cell, and for completion, hover and definitions at a place in a cell.
// The program is the one `lesson check` builds (emitLessonProgram, lessonCompilerOptions).
import ts from "typescript";
import { analyzeCell } from "../compile/cells.ts";
import { builtinNames } from "../contract/builtins.ts";
import { builtinsFileOf, lessonCompilerOptions } from "./compilerOptions.ts";
import { createMemoryHost } from "./createMemoryHost.ts";
import { deferLibraryTypes, readsLibraries } from "./deferLibraryTypes.ts";
import { emitLessonProgram, type CheckedCell, type LessonProgram } from "./emitLessonProgram.ts";
import { findDeclaration } from "./findDeclaration.ts";
import { findReaders } from "../compile/cell/findReaders.ts";
import type { CellLayout } from "./layoutCell.ts";
import { lineAndCharacterInCell, offsetInCell } from "./locateInCell.ts";
import { locateOffset, locateTypeErrors } from "./locateTypeErrors.ts";
import { findLookedInto } from "./subsetBrowserTypes.ts";
import { isSyntaxProblem, summaryKey } from "./summarizeCell.ts";
import type { CellCompletion, CellCompletions, CellHover, CellPlace, CellProblem, CellProblems, CellText, CheckerFiles } from "./types.ts";
import { withoutDocComments } from "./withoutDocComments.ts";

/** The checker of one lesson. */
export interface LessonService {
  /** Replaces the lesson's cells (cheap when few changed: analyses are cached by text). */
  setCells(cells: readonly CellText[]): void;
  /**
   * The problems of the cells `ids` and, unless `readers` is false, of every cell that reads their
   * outputs, directly or not (only that part of the lesson is checked: a keystroke need not check
   * the whole chapter). `provisional`: until the whole program has been built, the answer may come
   * from a smaller one (deferLibraryTypes.ts), and then says `provisional`.
   */
  problems(ids: readonly string[], readers?: boolean, provisional?: boolean): CellProblems;
  /**
   * Builds the program a first (provisional) check of the cells `ids` would use: its files parsed
   * and bound, nothing checked. A start does this before the reader's first edit arrives.
   */
  prepare(ids: readonly string[]): void;
  /** The cells `problems(ids)` checks: `ids` and every cell that reads their outputs, directly or not. */
  readers(ids: readonly string[]): string[];
  completions(cell: string, offset: number, explicit?: boolean): CellCompletions | null;
  /** The completions at a place without their details yet: `detail(count)` adds the next `count`, best first, and says how many are left. */
  listCompletions(cell: string, offset: number, explicit?: boolean): CompletionList | null;
  hover(cell: string, offset: number): CellHover | null;
  definition(cell: string, offset: number): CellPlace | null;
}

/** Completions whose signatures and doc comments come a few at a time (see listCompletions). */
export interface CompletionList {
  result: CellCompletions;
  detail(count: number): number;
}

// The TypeScript element kinds CodeMirror has an icon for.
const optionTypes: Record<string, string> = {
  function: "function", method: "method", "local function": "function", var: "variable", let: "variable",
  const: "constant", "local var": "variable", parameter: "variable", alias: "variable", property: "property",
  getter: "property", setter: "property", class: "class", interface: "interface", type: "type", enum: "enum",
  module: "namespace", keyword: "keyword",
};

/** How many completions, among those starting with the typed letters, carry their signature. */
const detailedCompletions = 40;

/** Starts a language service for the lesson `name` (its file name, e.g. "derivatives.md") over `files`. */
export function createLessonService(files: CheckerFiles, name: string): LessonService {
  const lessonFile = `${files.lessonDir}/${name}.__lesson__.ts`;
  const memory = createMemoryHost(new Map(Object.entries(files.files)), lessonFile, "export {};", files.ambient, lessonCompilerOptions(files.root, files.compiled));
  // Until a question needs the whole program, a first answer may come from one whose builtins leave
  // the biggest libraries' declarations out (deferLibraryTypes.ts). Once the whole program is
  // built, it answers everything: going back would build the smaller one again.
  const builtinsFile = builtinsFileOf(files.root, files.compiled);
  const builtinsText = files.files[builtinsFile];
  let deferred = builtinsText === undefined ? undefined : deferLibraryTypes(builtinsText);
  // With them, the browser's declarations cut to what the lessons use (subsetBrowserTypes.ts).
  const subset = files.browserSubset;
  const subsetPaths = Object.keys(subset?.files ?? {});
  const leftOut = new Set([...(deferred?.names ?? []), ...(subset?.leftOut ?? [])]);
  // And the ES libs without their doc comments (withoutDocComments.ts): the same types and errors,
  // parsed in less than half the time. Only hover shows them, so a hover that may show one of
  // theirs asks the whole program (see hover).
  const undocumented = new Set(deferred ? Object.keys(files.files).filter(isLanguageLib) : []);
  const stripped = new Map<string, string>();
  const strippedText = (path: string) => stripped.get(path) ?? stripped.set(path, withoutDocComments(files.files[path]!)).get(path)!;
  let reduced = false;
  /**
   * Whether questions about the cells `ids` may be answered from the smaller program: it has not
   * been left yet, and they need none of the left-out declarations (no word of the code they depend
   * on names one). Its answers about them are the whole program's (types, doc comments, places), so
   * hover and definitions take it too: a hover while the first program is checked then does not
   * build the whole one before the first answer. Not completion: the left-out declarations add
   * names to every scope (`GeoJSON`'s namespace, the browser's globals).
   */
  const mayDefer = (ids: readonly string[]) => deferred !== undefined && !readsLibraries(program, cells, ids, leftOut);
  /** Uses the smaller program (`smaller`, while it may) or, from then on, the whole one. */
  const useProgram = (smaller: boolean) => {
    if (!deferred) return;
    if (smaller !== reduced) {
      memory.setFile(builtinsFile, smaller ? deferred.text : builtinsText!);
      for (const path of subsetPaths) memory.setFile(path, smaller ? subset!.files[path]! : files.files[path]!);
      for (const path of undocumented) memory.setFile(path, smaller ? strippedText(path) : files.files[path]!);
    }
    reduced = smaller;
    if (!smaller) deferred = undefined;
  };
  /**
   * `ask()`'s answer from the smaller program when `smaller` and the checker looked inside none of
   * the browser's interfaces the subset keeps as stubs; else (then, and from then on) the whole
   * program's.
   */
  const answer = <T>(smaller: boolean, ask: () => T): T => {
    useProgram(smaller);
    wantsWhole = false;
    const found = ask();
    if (!reduced || (!wantsWhole && (!subsetPaths.length || !findLookedInto(service.getProgram()!, subsetPaths).length))) return found;
    useProgram(false);
    return ask();
  };
  // Set by an `ask()` whose answer from the smaller program may differ from the whole program's.
  let wantsWhole = false;
  const service = ts.createLanguageService(memory.host, ts.createDocumentRegistry(true, "/"));
  let cells: CheckedCell[] = [];
  let syntax: CellProblem[] = [];
  let program: LessonProgram = { text: "export {};", segments: [], waiting: new Set() };
  const analyses = new Map<string, { key: string; cell: CheckedCell; syntax: CellProblem[] }>();
  // The build's layouts of the cells taken from its summaries (the others are parsed by emitLessonProgram).
  const layouts = new WeakMap<CheckedCell, CellLayout>();
  const summaries = files.cells ?? {};

  const source = () => service.getProgram()!.getSourceFile(lessonFile)!;
  const cellById = (id: string) => cells.find((cell) => cell.id === id);

  /** The offset in the virtual module of `offset` in the cell: in the copy that holds that code. */
  const toVirtual = (id: string, offset: number): number | undefined => {
    const cell = cellById(id);
    if (!cell) return undefined;
    const { line, character } = lineAndCharacterInCell(cell.source, offset);
    const file = source();
    let found: number | undefined;
    let foundKept = false;
    for (const segment of program.segments) {
      if (segment.cell !== cell || line >= segment.lines) continue;
      const starts = file.getLineStarts();
      const at = Math.min(starts[segment.start + line]! + character, (starts[segment.start + line + 1] ?? file.text.length + 1) - 1);
      // A program cell has two copies (its imports and types hoisted, its body): take the one
      // where the code at `offset` was not blanked out.
      const kept = [-1, 0].every((d) => offset + d < 0 || offset + d >= cell.source.length || /\s/.test(cell.source[offset + d]!) || file.text[at + d] === cell.source[offset + d]);
      if (kept || !foundKept) found = at;
      foundKept ||= kept;
    }
    return found;
  };

  /** A span of the virtual module as a place in a cell; a name declared again for other cells maps to its own cell. */
  const toPlace = (start: number, length: number): CellPlace | null => {
    const place = locateOffset(program, source(), start);
    if (place) return { cell: place.cell.id, from: place.offset, to: Math.min(place.offset + length, place.cell.source.length) };
    // `declare const x: __Value<…>` lines re-declare a cell's outputs for the cells that read them.
    const name = source().text.slice(start, start + length);
    const owner = cells.find((cell) => cell.outputs.includes(name));
    const at = owner && findDeclaration(owner.source, name);
    return owner && at ? { cell: owner.id, ...at } : null;
  };

  /**
   * A cell as the checker uses it, and its syntax errors: from the build's summary of that text
   * when there is one (no analysis, no parse), else analysed here.
   */
  const analyse = (text: CellText): { cell: CheckedCell; syntax: CellProblem[] } => {
    const place = { id: text.id, source: text.source, lang: text.lang, line: text.line, column: text.column };
    const summary = summaries[summaryKey(text)];
    if (summary) {
      const { layout, inputs, outputs, expression, async, generator } = summary;
      const cell: CheckedCell = { ...place, inputs, outputs, expression, async, generator };
      layouts.set(cell, layout);
      return { cell, syntax: [] };
    }
    const { cell: analysed, diagnostics } = analyzeCell(text.source, { lang: text.lang, line: text.line, column: text.column, inline: text.inline });
    const { inputs, outputs, expression, async, generator } = analysed;
    const problems = diagnostics.filter(isSyntaxProblem).map((d): CellProblem => {
      const line = d.line - text.line;
      const character = line === 0 ? d.column - text.column : d.column - 1;
      const from = offsetInCell(text.source, line, character);
      return { cell: text.id, severity: "error", code: "syntax", message: d.message, from, to: Math.min(from + 1, text.source.length), line: line + 1, column: character + 1 };
    });
    return { cell: { ...place, inputs, outputs, expression, async, generator }, syntax: problems };
  };

  /** The problems of the cells `checked`, from the program in use. */
  const check = (checked: ReadonlySet<string>): CellProblems => {
    const file = source();
    const ranges = program.segments
      .filter((segment) => checked.has(segment.cell.id))
      .map((segment) => ({ pos: file.getPositionOfLineAndCharacter(segment.start, 0), end: file.getLineEndOfPosition(file.getPositionOfLineAndCharacter(segment.start + segment.lines - 1, 0)) }));
    // TypeScript ≥ 5.6 checks only the statements in the given ranges (an API its editors use, not
    // yet in its public typings); without it, the whole module is checked.
    const region = ranges.length ? (service as RegionService).getRegionSemanticDiagnostics?.(lessonFile, ranges) : undefined;
    const semantic = region?.diagnostics ?? (ranges.length ? service.getSemanticDiagnostics(lessonFile) : []);
    const diagnostics = [...service.getSyntacticDiagnostics(lessonFile), ...semantic];
    const typeErrors = locateTypeErrors(program, file, diagnostics)
      .filter((e) => checked.has(e.cell.id))
      .map((e): CellProblem => {
        const { line, character } = lineAndCharacterInCell(e.cell.source, e.from);
        return { cell: e.cell.id, severity: "warning", code: "type", message: e.message, from: e.from, to: e.to, line: line + 1, column: character + 1 };
      });
    const found: CellProblems = { checked: [...checked], problems: [...syntax.filter((p) => checked.has(p.cell)), ...typeErrors] };
    if (reduced) found.provisional = true;
    return found;
  };

  const listCompletions = (id: string, offset: number, explicit = false): CompletionList | null => {
    const cell = cellById(id);
    if (!cell) return null;
    const before = cell.source.slice(0, offset);
    const word = /[\p{L}\p{N}_$]*$/u.exec(before)![0];
    if (!word && !explicit && !before.endsWith(".")) return null;
    // The whole program's: the left-out declarations add names in scope (their global namespaces).
    useProgram(false);
    const prefix = word.toLowerCase();
    const at = toVirtual(id, offset);
    if (at === undefined) return null;
    const info = service.getCompletionsAtPosition(lessonFile, at, {});
    if (!info) return null;
    const entries = info.entries.filter((entry) => entry.kind !== ts.ScriptElementKind.warning && !entry.name.startsWith("__"));
    const options = entries.map((entry): CellCompletion => {
      const option: CellCompletion = { label: entry.name, sortText: entry.sortText };
      const type = optionTypes[entry.kind];
      if (type) option.type = type;
      return option;
    });
    // Each completion's details gather the names in scope again (over a thousand with the DOM's):
    // the caller details a few at a time.
    const waiting = entries
      .map((entry, n) => ({ entry, option: options[n]! }))
      .filter(({ entry }) => prefix && entry.name.toLowerCase().startsWith(prefix))
      .sort((a, b) => a.entry.sortText.localeCompare(b.entry.sortText))
      .slice(0, detailedCompletions);
    return {
      result: { from: offset - word.length, options },
      detail(count) {
        for (const { entry, option } of waiting.splice(0, count)) {
          const details = service.getCompletionEntryDetails(lessonFile, at, entry.name, {}, entry.source, {}, entry.data);
          if (!details) continue;
          option.detail = cleanSignature(ts.displayPartsToString(details.displayParts));
          const documentation = ts.displayPartsToString(details.documentation);
          if (documentation) option.info = documentation;
        }
        return waiting.length;
      },
    };
  };

  return {
    setCells(next) {
      const live: CheckedCell[] = [];
      const stubs: CheckedCell[] = [];
      syntax = [];
      for (const text of next) {
        const key = `${text.lang}\u0000${text.line}\u0000${text.column}\u0000${text.inline}\u0000${text.source}`;
        let analysis = analyses.get(text.id);
        if (analysis?.key !== key) {
          analysis = { key, ...analyse(text) };
          analyses.set(text.id, analysis);
        }
        (analysis.syntax.length ? stubs : live).push(analysis.cell);
        syntax.push(...analysis.syntax);
      }
      for (const id of analyses.keys()) if (!next.some((text) => text.id === id)) analyses.delete(id);
      cells = [...live, ...stubs];
      program = emitLessonProgram(live, stubs, builtinNames, (cell) => layouts.get(cell));
      // An unchanged module keeps the program TypeScript has already checked.
      memory.setText(program.text);
    },

    problems(ids, readers = true, provisional = false) {
      const checked = readers ? findReaders(cells, ids) : new Set(ids.filter((id) => cellById(id)));
      return answer(provisional && mayDefer([...checked]), () => check(checked));
    },

    prepare(ids) {
      useProgram(mayDefer(ids.filter((id) => cellById(id))));
      // The type checker binds every file as it is made; bound files outlive it, in the next program too.
      service.getProgram()!.getTypeChecker();
    },

    readers(ids) {
      return [...findReaders(cells, ids)];
    },

    completions(id, offset, explicit = false) {
      const list = listCompletions(id, offset, explicit);
      list?.detail(detailedCompletions);
      return list?.result ?? null;
    },

    listCompletions,

    hover(id, offset) {
      return answer(mayDefer([id]), () => {
        const at = toVirtual(id, offset);
        if (at === undefined) return null;
        const info = service.getQuickInfoAtPosition(lessonFile, at);
        if (!info) return null;
        // Its doc comment may be in an ES lib, which the smaller program reads without them: the
        // name is declared there, or it is a member without its own, which may inherit a base type's.
        const inLib = service.getDefinitionAtPosition(lessonFile, at)?.some((d) => undocumented.has(d.fileName));
        if (reduced && (inLib || (memberKinds.has(info.kind) && !info.documentation?.length))) {
          wantsWhole = true;
          return null;
        }
        const from = offset - (at - info.textSpan.start);
        const hover: CellHover = {
          from,
          to: from + info.textSpan.length,
          signature: cleanSignature(ts.displayPartsToString(info.displayParts)),
          documentation: ts.displayPartsToString(info.documentation),
        };
        // A name another cell defines is declared again for its readers, without its doc comment
        // and with the wrapper's type: show what its own cell says of it.
        const definition = service.getDefinitionAtPosition(lessonFile, at)?.[0];
        if (definition?.fileName === lessonFile && !locateOffset(program, source(), definition.textSpan.start)) {
          const place = toPlace(definition.textSpan.start, definition.textSpan.length);
          const there = place && toVirtual(place.cell, place.from);
          const own = there !== undefined && there !== null ? service.getQuickInfoAtPosition(lessonFile, there) : undefined;
          if (own) {
            hover.signature = cleanSignature(ts.displayPartsToString(own.displayParts));
            hover.documentation = ts.displayPartsToString(own.documentation) || hover.documentation;
          }
        }
        return hover;
      });
    },

    definition(id, offset) {
      return answer(mayDefer([id]), () => {
        const at = toVirtual(id, offset);
        if (at === undefined) return null;
        const definition = service.getDefinitionAtPosition(lessonFile, at)?.find((d) => d.fileName === lessonFile);
        return definition ? toPlace(definition.textSpan.start, definition.textSpan.length) : null;
      });
    },
  };
}

/** TypeScript's ES libs and decorators' declarations (`/lib.es2015.core.d.ts`…), at the root as CheckerFiles has them. */
function isLanguageLib(path: string): boolean {
  return /^\/lib\.(es|decorators)[\w.]*\.d\.ts$/.test(path);
}

/** The kinds of quick info whose doc comment may be inherited from a base type's member. */
const memberKinds: ReadonlySet<string> = new Set(["method", "property", "getter", "setter", "constructor", "index"]);

/** The language service's region check (TypeScript ≥ 5.6), which its public typings leave out. */
type RegionService = ts.LanguageService & {
  getRegionSemanticDiagnostics?(fileName: string, ranges: ts.TextRange[]): { diagnostics: ts.Diagnostic[] } | undefined;
};

/** TypeScript's display of an imported name, without "(alias)" and the import line it adds. */
function cleanSignature(text: string): string {
  return text.replace(/^\(alias\) /, "").replace(/\nimport .*$/s, "");
}

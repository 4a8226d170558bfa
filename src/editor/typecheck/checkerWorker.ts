// The page's TypeScript checker, in a Web Worker: started when a reader first edits a cell, so a
// reader who only reads never loads TypeScript. It answers through Comlink; every call carries the
// lesson's cells as they are now, so the worker never works on text older than the request.
//
// TypeScript and the declaration files are separate same-origin files (src/vite/checkerFiles.ts),
// imported as the worker starts; `typescript`, which src/typecheck/ imports, stands in for it
// until then.
import * as Comlink from "comlink";
import { filesUrl, typescriptUrl } from "virtual:live-lesson/checker-assets";
import { provideTypeScript } from "virtual:live-lesson/typescript-shim";
import { createLessonService, type LessonService } from "../../typecheck/createLessonService.ts";
import type { CellProblem, CellProblems, CellText, CheckerFiles } from "../../typecheck/types.ts";

const files: Promise<CheckerFiles> = Promise.all([
  import(/* @vite-ignore */ typescriptUrl) as Promise<{ default: object }>,
  import(/* @vite-ignore */ filesUrl) as Promise<{ default: CheckerFiles }>,
]).then(([typescript, loaded]) => {
  provideTypeScript(typescript.default);
  return loaded.default;
});
let service: LessonService | undefined;
let lesson: string | undefined;
// The cells last given to the service, and a number that changes with them: a check of the
// readers, which yields between cells, stops when newer cells came meanwhile.
let given = "";
let version = 0;
// How many checks the page has asked for: the warm-up (`prepare`) gives way to the first.
let asked = 0;

/** The service of lesson `name`, made once per worker (a page shows one lesson). */
async function serviceFor(name: string, cells: readonly CellText[]): Promise<LessonService> {
  const loaded = await files;
  if (!service || lesson !== name) {
    service = createLessonService(loaded, name);
    lesson = name;
  }
  const key = JSON.stringify(cells);
  if (key !== given) {
    given = key;
    version++;
  }
  service.setCells(cells);
  return service;
}

/** How many completions get their signature between two yields (each takes a few ms). */
const completionBatch = 4;

/** Lets the messages that came meanwhile (a keystroke's check, a completion) run first. */
const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The problems of `ids` and of the cells that read them, one cell at a time, yielding between
 * cells: a keystroke meanwhile is answered first, and when its cells are newer this check stops
 * (`superseded`), since its answer would be stale. So checking the dependents (hundreds of ms on
 * the chapter) never holds up the next keystroke's own answer by more than one cell's check.
 */
async function checkReaders(current: LessonService, ids: readonly string[]): Promise<CellProblems> {
  const at = version;
  const checked = current.readers(ids);
  const problems: CellProblem[] = [];
  for (const id of checked) {
    await yieldToMessages();
    if (version !== at || service !== current) return { checked: [], problems: [], superseded: true };
    problems.push(...current.problems([id], false).problems);
  }
  return { checked, problems };
}

/** What the page may ask the checker; `name` is the lesson's file name, `cells` its live cells now. */
export const checker = {
  /** Loads TypeScript and the declaration files (the first step of a start; see startCheckerWhenIdle.ts). */
  load: async () => {
    await files;
  },
  /**
   * Builds the lesson's program and checks cell `id` once, answering nothing: the checker's first
   * program and type checker are the slow part of a start, done before the reader's first keystroke.
   * A check the page asks for meanwhile (the reader's first edit, sent as soon as TypeScript is in:
   * startCheckerWhenIdle.ts's `loaded`) goes first, and the warm-up stops there: that check builds
   * the program for the edited text, and a type checker lives as long as its program, so checking
   * the text before the edit would only delay the answer the reader waits for (~15 % of a start's
   * CPU on the chapter). So it yields once TypeScript is in, and again between building and checking.
   */
  prepare: async (name: string, cells: CellText[], id: string) => {
    const at = asked;
    await files;
    await yieldToMessages();
    if (asked !== at) return;
    const current = await serviceFor(name, cells);
    current.prepare([id]);
    await yieldToMessages();
    if (asked !== at || service !== current) return;
    current.problems([id], false, true);
  },
  /**
   * The problems of the cells `ids` (`readers`: and of the cells that read them, see checkReaders).
   * Without `readers`, a first answer may be provisional (LessonService.problems); the readers'
   * check, which the page asks for next and which checks `ids` too, is always the whole program's.
   */
  problems: async (name: string, cells: CellText[], ids: string[], readers: boolean): Promise<CellProblems> => {
    asked++;
    const current = await serviceFor(name, cells);
    return readers ? checkReaders(current, ids) : current.problems(ids, false, true);
  },
  completions: async (name: string, cells: CellText[], id: string, offset: number, explicit: boolean) => {
    const current = await serviceFor(name, cells);
    const at = version;
    const list = current.listCompletions(id, offset, explicit);
    if (!list) return null;
    // A few signatures at a time, yielding between: a keystroke meanwhile is checked first, and
    // once newer cells arrived the list goes as it is (its text is already behind the reader's).
    while (list.detail(completionBatch) > 0) {
      await yieldToMessages();
      if (version !== at || service !== current) break;
    }
    return list.result;
  },
  hover: async (name: string, cells: CellText[], id: string, offset: number) => (await serviceFor(name, cells)).hover(id, offset),
  definition: async (name: string, cells: CellText[], id: string, offset: number) => (await serviceFor(name, cells)).definition(id, offset),
};

/** The checker's interface as the page sees it (every answer a promise). */
export type Checker = Comlink.Remote<typeof checker>;

Comlink.expose(checker);

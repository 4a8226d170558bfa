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
import type { CellText, CheckerFiles } from "../../typecheck/types.ts";

const files: Promise<CheckerFiles> = Promise.all([
  import(/* @vite-ignore */ typescriptUrl) as Promise<{ default: object }>,
  import(/* @vite-ignore */ filesUrl) as Promise<{ default: CheckerFiles }>,
]).then(([typescript, loaded]) => {
  provideTypeScript(typescript.default);
  return loaded.default;
});
let service: LessonService | undefined;
let lesson: string | undefined;

/** The service of lesson `name`, made once per worker (a page shows one lesson). */
async function serviceFor(name: string, cells: readonly CellText[]): Promise<LessonService> {
  const loaded = await files;
  if (!service || lesson !== name) {
    service = createLessonService(loaded, name);
    lesson = name;
  }
  service.setCells(cells);
  return service;
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
   */
  prepare: async (name: string, cells: CellText[], id: string) => {
    (await serviceFor(name, cells)).problems([id], false);
  },
  problems: async (name: string, cells: CellText[], ids: string[], readers: boolean) => (await serviceFor(name, cells)).problems(ids, readers),
  completions: async (name: string, cells: CellText[], id: string, offset: number, explicit: boolean) => (await serviceFor(name, cells)).completions(id, offset, explicit),
  hover: async (name: string, cells: CellText[], id: string, offset: number) => (await serviceFor(name, cells)).hover(id, offset),
  definition: async (name: string, cells: CellText[], id: string, offset: number) => (await serviceFor(name, cells)).definition(id, offset),
};

/** The checker's interface as the page sees it (every answer a promise). */
export type Checker = Comlink.Remote<typeof checker>;

Comlink.expose(checker);

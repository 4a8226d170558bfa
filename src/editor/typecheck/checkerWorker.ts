// The page's TypeScript checker, in a Web Worker: started when a reader first edits a cell, so a
// reader who only reads never loads TypeScript. It answers through Comlink; every call carries the
// lesson's cells as they are now, so the worker never works on text older than the request.
import * as Comlink from "comlink";
import files from "virtual:live-lesson/checker-files";
import { createLessonService, type CellText, type LessonService } from "../../typecheck/createLessonService.ts";

let service: LessonService | undefined;
let lesson: string | undefined;

/** The service of lesson `name`, made once per worker (a page shows one lesson). */
function serviceFor(name: string, cells: readonly CellText[]): LessonService {
  if (!service || lesson !== name) {
    service = createLessonService(files, name);
    lesson = name;
  }
  service.setCells(cells);
  return service;
}

/** What the page may ask the checker; `name` is the lesson's file name, `cells` its live cells now. */
export const checker = {
  problems: (name: string, cells: CellText[], ids: string[]) => serviceFor(name, cells).problems(ids),
  completions: (name: string, cells: CellText[], id: string, offset: number, explicit: boolean) => serviceFor(name, cells).completions(id, offset, explicit),
  hover: (name: string, cells: CellText[], id: string, offset: number) => serviceFor(name, cells).hover(id, offset),
  definition: (name: string, cells: CellText[], id: string, offset: number) => serviceFor(name, cells).definition(id, offset),
};

/** The checker's interface as the page sees it (every answer a promise). */
export type Checker = Comlink.Remote<typeof checker>;

Comlink.expose(checker);

// The start of a lesson page: what a page module calls once it has defined its lesson. It mounts the
// lesson into `main#lesson`, installs the theme toggle, the editors and the learning side (on a
// built page, once it is interactive: installWhenIdle.ts), and when a hot update runs a new version
// of the module, hands the new lesson to the mounted one,
// which redefines only the cells that changed and keeps every input's value. What differs between
// pages is read from the page (`data-type-warnings` on `main#lesson`: the dev server checks types),
// so the generated module is only data, cell bodies, import loaders and this one call.
import { typeCheckRequestEvent, typeWarningsEvent, type TypeWarnings } from "./hotEvents.ts";
import { hasReaderState, installWhenIdle } from "./installWhenIdle.ts";
import { mountLesson } from "./mountLesson.ts";
import { installThemeToggle } from "./themeToggle.ts";
import type { CellDefinition, LessonHandle, LessonModule } from "./types.ts";

/** The part of Vite's `import.meta.hot` a page uses; `data` lives on across versions of the module. */
export interface PageHot {
  data: Record<string, unknown>;
  on(event: typeof typeWarningsEvent, listener: (data: TypeWarnings) => void): void;
  send(event: typeof typeCheckRequestEvent, data: { file: string }): void;
}

/** The editors as the page drives them (src/editor's EditorController). */
export interface PageEditors {
  refresh(authorCells?: CellDefinition[]): void;
  /** Runs a cell's typed text (an exercise's Check runs the student's code first). */
  run?(id: string): Promise<boolean>;
}

/** src/learn/exercise's installExercises, passed in by the module when the lesson has exercises. */
export type InstallExercises = (
  handle: LessonHandle,
  options: { exercises: never[]; file: string; title: string; root?: HTMLElement; record?: unknown; runEdit?: (cell: string) => Promise<boolean> },
) => { destroy(): void };

/** src/editor's installEditors, passed in by the module (the runtime does not import the editor). */
export type InstallEditors = (handle: LessonHandle, options: { lessonKey: string; authorCells: CellDefinition[]; root?: HTMLElement }) => PageEditors;

/** What src/learn's installLearning needs; `learning` is the compiled lesson's (opaque to the runtime). */
export interface LearningStart<L> {
  file: string;
  title: string;
  learning: L;
  cells: CellDefinition[];
  root?: HTMLElement;
}

/** src/learn's installLearning, passed in by the module (the runtime does not import src/learn/). */
export type InstallLearning<L = unknown> = (handle: LessonHandle, options: LearningStart<L>) => { destroy(): void };

/** What a page module hands to {@link startPage}. */
export interface PageStart<L = unknown> {
  /** The compiled lesson. Without `html`, the page's `main#lesson` holds it (built pages). */
  lesson: Omit<LessonModule, "html"> & { html?: string };
  /** The module's `import.meta.hot` (dev server only). */
  hot?: PageHot;
  /** Installs the editors, when the page has them. */
  installEditors?: InstallEditors;
  /** The lesson's blanks, predictions and sections (Lesson.learning), when the page has learning. */
  learning?: L;
  /** Installs blanks, predictions, progress and the record, when the page has them. */
  installLearning?: InstallLearning<L>;
  /** Installs the exercises, when the lesson has some. */
  installExercises?: InstallExercises;
}

/** What startPage works with; the browser's by default, stand-ins in tests. */
export interface PageEnvironment {
  document: Pick<Document, "getElementById" | "querySelector" | "body">;
  mount(module: LessonModule, root: HTMLElement): LessonHandle;
  installToggle(button: HTMLElement): unknown;
  /**
   * Puts off installing a built page's editors and learning side until the page is interactive
   * (installWhenIdle.ts); false when they must go in now (the reader has something saved for
   * `file`, or the address has a hash).
   */
  installLater?(handle: LessonHandle, file: string, install: () => void): boolean;
}

const browser: PageEnvironment = {
  get document() {
    return document;
  },
  mount: mountLesson,
  installToggle: installThemeToggle,
  installLater(handle, file, install) {
    if (location.hash !== "" || hasReaderState(file, () => localStorage)) return false;
    installWhenIdle(handle, window, install);
    return true;
  },
};

/** A started page, kept in `hot.data` for the next version of the module. */
interface StartedPage {
  handle?: LessonHandle;
  editors?: PageEditors;
  learning?: { destroy(): void; record?: unknown };
  exercises?: { destroy(): void };
}

/** Starts the page, or, when a hot update runs the module again, updates the lesson in place. */
export function startPage<L>({ lesson, hot, installEditors, learning, installLearning, installExercises }: PageStart<L>, environment: PageEnvironment = browser): void {
  const root = environment.document.getElementById("lesson");
  const started = hot?.data.page as StartedPage | undefined;
  const page: StartedPage = started ?? {};
  if (!started) {
    const toggle = environment.document.querySelector<HTMLElement>("[data-theme-toggle]");
    if (toggle) environment.installToggle(toggle);
  }
  const module: LessonModule = { ...lesson, html: lesson.html ?? root?.innerHTML ?? "" };
  const installSides = (handle: LessonHandle): void => {
    if (installLearning && learning !== undefined) {
      page.learning = installLearning(handle, { file: module.file, title: module.title, learning, cells: module.cells, root: root ?? undefined });
    }
    if (installExercises && module.exercises?.length) {
      // A hot update rebinds them to the new lesson's exercises (their states come from the record).
      page.exercises?.destroy();
      const editors = page.editors;
      page.exercises = installExercises(handle, {
        exercises: module.exercises as never[],
        file: module.file,
        title: module.title,
        root: root ?? undefined,
        // One record per page: the learning side's, when the page has it.
        record: page.learning?.record,
        runEdit: editors?.run ? (cell) => editors.run!(cell) : undefined,
      });
    }
  };
  if (page.handle) {
    page.handle.update(module);
    page.editors?.refresh(module.cells);
    // The blanks and predictions are in the new HTML: bind them again (the record is kept in storage).
    page.learning?.destroy();
    installSides(page.handle);
  } else {
    const handle = (page.handle = environment.mount(module, root ?? environment.document.body));
    const install = (): void => {
      page.editors = installEditors?.(handle, { lessonKey: module.file, authorCells: module.cells, root: root ?? undefined });
      installSides(handle);
    };
    // A built page (its HTML is the page's) without exercises, whose student is meant to type at
    // once, may put them off; the dev server's pages install them now.
    const later = !hot && lesson.html === undefined && !module.exercises?.length && (installEditors || installLearning);
    if (!later || !environment.installLater?.(handle, module.file, install)) install();
  }
  if (hot && root?.hasAttribute("data-type-warnings")) listenForTypeWarnings(hot, module.file, page.handle);
  if (hot) hot.data.page = page;
}

/**
 * Type errors across cells arrive from the dev server's checker after the page is up. Vite drops an
 * old module's listeners when the new one runs, so each version listens; only the first asks.
 */
function listenForTypeWarnings(hot: PageHot, file: string, handle: LessonHandle): void {
  hot.on(typeWarningsEvent, (data) => {
    if (data.file === file) handle.setWarnings(data.diagnostics);
  });
  if (hot.data.askedTypes) return;
  hot.data.askedTypes = true;
  hot.send(typeCheckRequestEvent, { file });
}

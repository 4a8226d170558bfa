// The hook the editor controller calls as the reader types. It stays tiny: the checker's code
// (CodeMirror extensions, Comlink, then TypeScript in a worker) loads only when a reader puts the
// cursor in a cell's code or edits one; a reader who only reads (or only opens a listing) loads none.
import type { CellText } from "../../typecheck/types.ts";
import type { CodeEditor } from "../codemirror.ts";
import type { PageActivity } from "./startCheckerWhenIdle.ts";

/** One cell with an editor, as the checker sees it. */
export interface TypeHelpEditor {
  id: string;
  /** True when the reader changed the cell (its text is not the author's). */
  edited(): boolean;
  /** The editor's text now. */
  text(): string;
  /** The CodeMirror editor, when it is in. */
  code(): CodeEditor | undefined;
  /** Where the list of problems goes (the cell's editor chrome). */
  container: HTMLElement;
  /** Shows the cell (a hidden one opens) and puts CodeMirror in. */
  open(): Promise<CodeEditor | undefined>;
}

/** What the checker needs from the page (PageActivity: when its cells run, which come first). */
export interface TypeHelpHost extends PageActivity {
  /** The lesson's file name (its virtual module is named after it, as in `lesson check`). */
  lessonName: string;
  root: HTMLElement;
  /** Every live cell now, edits in progress included. */
  cells(): CellText[];
  editors(): TypeHelpEditor[];
}

/** The checker as the controller drives it. */
export interface TypeHelp {
  /**
   * The reader put the cursor in cell `id`'s code: reaching to edit, so the checker starts now
   * (when the page is idle) and is warm by the first keystroke.
   */
  prepare(id: string): void;
  /** A cell's text changed (`id`: the reader typed in it). */
  changed(id?: string): void;
  destroy(): void;
}

/** A checker that starts on the first `prepare(id)` or `changed(id)` (a reader's edit); changes before that are nothing to check. */
export function createTypeHelpLoader(host: TypeHelpHost): TypeHelp {
  let help: Promise<TypeHelp | undefined> | undefined;
  let destroyed = false;
  const load = () =>
    (help ??= import("./typeHelp.ts").then(
      ({ startTypeHelp }) => (destroyed ? undefined : startTypeHelp(host)),
      () => undefined,
    ));
  return {
    prepare(id) {
      void load().then((started) => started?.prepare(id));
    },
    changed(id) {
      if (!help && id === undefined) return;
      void load().then((started) => started?.changed(id));
    },
    destroy() {
      destroyed = true;
      void help?.then((started) => started?.destroy());
    },
  };
}

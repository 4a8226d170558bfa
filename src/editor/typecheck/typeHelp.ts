// The checker's side in the page, loaded when a reader puts the cursor in a cell's code (or first
// edits one): starts the worker, checks the edited cells (and the cells reading them) at every
// change, shows what it finds in each cell's editor and list, and gives every open editor
// completion, hover and go to definition.
import type { CellPlace, CellProblem, CellText } from "../../typecheck/types.ts";
import { completionStatus, startCompletion, type CodeEditor } from "../codemirror.ts";
import type { Checker } from "./checkerWorker.ts";
import type { TypeHelp, TypeHelpHost } from "./loadTypeHelp.ts";
import { renderTypeProblems, type ListedProblem } from "./renderTypeProblems.ts";
import { startCheckerWhenIdle, type StartingChecker } from "./startCheckerWhenIdle.ts";
import { showProblems, typeExtensions } from "./typeExtensions.ts";

/** Starts checking the lesson `host` describes. */
export function startTypeHelp(host: TypeHelpHost): TypeHelp {
  let starting: StartingChecker | undefined;
  // The cell the checker's first program is checked for while it starts (the one the reader is in).
  let warmCell: string | undefined;
  // True once a check has answered (until then, the reader's edit says the checker is loading).
  let answered = false;
  let failed = false;
  let busy = false;
  let again = false;
  let lastEdited: string | undefined;
  // The problems last found in each cell, and the text they were found in.
  const found = new Map<string, { text: string; problems: CellProblem[] }>();
  const attached = new WeakSet<CodeEditor>();
  const notes = new Set<HTMLElement>();
  // Problems of cells without an editor, from the last complete check, listed under the last edit.
  let elsewhereListed: ListedProblem[] = [];
  // The check of the edited cells under way: completion and hover wait for it, so a keystroke's
  // marks never queue in the worker behind a completion list built for the same text.
  let ownCheck: Promise<void> = Promise.resolve();
  // Numbers the checks: the readers' answer of a check older than the last one is not shown.
  let generation = 0;

  const checker = (): Promise<Checker> => {
    if (!starting) {
      starting = startCheckerWhenIdle(host, (started) => started.prepare(host.lessonName, cells(), warmCell ?? cells()[0]?.id ?? ""));
      starting.ready.catch(() => {});
    }
    return starting.ready;
  };
  /** The checker for the check of an edit: once loaded, without waiting for its warm-up (see StartingChecker.loaded). */
  const loadedChecker = (): Promise<Checker> => {
    void checker();
    return starting!.loaded;
  };
  const afterOwnCheck = async (): Promise<Checker> => {
    const started = await checker();
    await ownCheck;
    return started;
  };
  const cells = (): CellText[] => host.cells();
  const editorOf = (id: string) => host.editors().find((editor) => editor.id === id);

  const attach = () => {
    for (const editor of host.editors()) {
      const code = editor.code();
      if (!code || attached.has(code)) continue;
      attached.add(code);
      const id = editor.id;
      code.extend(
        typeExtensions({
          completions: (offset, explicit) => afterOwnCheck().then((started) => started.completions(host.lessonName, cells(), id, offset, explicit)),
          hover: (offset) => afterOwnCheck().then((started) => started.hover(host.lessonName, cells(), id, offset)),
          definition: (offset) => checker().then((started) => started.definition(host.lessonName, cells(), id, offset)),
          jump,
        }),
      );
      const known = found.get(id);
      if (known && known.text === code.text()) showProblems(code.view, known.problems);
      // A list of names open from before the checker came: ask again, now with TypeScript's answer.
      if (completionStatus(code.view.state) !== null) startCompletion(code.view);
    }
  };

  /** Shows a place: selects it in its cell's editor, opening that editor (and a hidden cell) first. */
  const jump = async (place: CellPlace) => {
    const editor = editorOf(place.cell);
    if (!editor) {
      host.root.querySelector(`[data-cell="${CSS.escape(place.cell)}"]`)?.scrollIntoView({ block: "center" });
      return;
    }
    const code = await editor.open();
    attach();
    if (!code) return;
    code.view.dispatch({ selection: { anchor: place.from, head: place.to }, scrollIntoView: true });
    code.view.dom.scrollIntoView({ block: "center" });
    code.focus();
  };

  /** Shows the problems of the cells `checked`; a `complete` check also clears every other cell's. */
  const show = (checked: readonly string[], problems: readonly CellProblem[], sent: ReadonlyMap<string, string>, complete: boolean) => {
    answered = true;
    for (const note of notes) note.remove();
    notes.clear();
    const byCell = new Map<string, CellProblem[]>(checked.map((id) => [id, []]));
    for (const problem of problems) byCell.get(problem.cell)?.push(problem);
    if (complete) for (const id of found.keys()) if (!byCell.has(id)) byCell.set(id, []);
    const lines = new Map(cells().map((cell) => [cell.id, cell.line]));
    // Problems in cells without an editor (inline `${…}` expressions, cells the author locked)
    // are listed under the edit that caused them.
    const elsewhere: ListedProblem[] = [];
    for (const [id, list] of byCell) {
      const text = sent.get(id) ?? "";
      if (list.length) found.set(id, { text, problems: list });
      else found.delete(id);
      const editor = editorOf(id);
      if (!editor) {
        elsewhere.push(...list.map((p) => ({ severity: p.severity, message: p.message, place: `In the expression at line ${(lines.get(id) ?? 0) + p.line - 1} of the lesson` })));
        continue;
      }
      const code = editor.code();
      if (code && code.text() === text) showProblems(code.view, list);
      if (editor.text() === text || list.length === 0) renderTypeProblems(editor.container, list.map(listed));
    }
    if (complete) elsewhereListed = elsewhere;
    const target = lastEdited && editorOf(lastEdited);
    if (target && elsewhereListed.length) {
      const own = (found.get(target.id)?.problems ?? []).map(listed);
      renderTypeProblems(target.container, [...own, ...elsewhereListed]);
    }
  };

  /** Says the checker stopped, under the last edit (the edits themselves still run). */
  const fail = (error: unknown) => {
    failed = true;
    const target = lastEdited && editorOf(lastEdited);
    if (target) renderTypeProblems(target.container, [], `The type checker stopped (${String((error as Error)?.message ?? error)}); your edits still run.`);
  };
  const announce = (complete: boolean, problems: number) =>
    host.root.dispatchEvent(new CustomEvent("live-lesson:types-checked", { detail: { complete, problems } }));

  /**
   * Checks the edited cells, then the cells that read them: the cell being typed in gets its answer
   * first. A change while the edited cells are checked waits for that answer (a fast typist costs
   * one check, not one per key); a change while the readers are checked does not wait: the worker
   * answers it first and drops the readers' check, whose answer would be stale (checkerWorker.ts).
   * A check waits until the page's cells rest (the lesson comes first, see startCheckerWhenIdle.ts).
   */
  const check = async () => {
    if (failed) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    let answered = () => {};
    ownCheck = new Promise<void>((resolve) => (answered = resolve));
    try {
      do {
        again = false;
        const started = await loadedChecker();
        await host.idle();
        attach();
        const now = cells();
        const edited = host.editors().filter((editor) => editor.edited()).map((editor) => editor.id);
        const ids = [...new Set([...edited, ...found.keys()])];
        const sent = new Map(now.map((cell) => [cell.id, cell.source]));
        const mine = ++generation;
        const own = await started.problems(host.lessonName, now, ids, false);
        show(own.checked, own.problems, sent, false);
        announce(false, own.problems.length);
        if (again) continue;
        void started.problems(host.lessonName, now, ids, true).then((all) => {
          if (all.superseded || mine !== generation || failed) return;
          show(all.checked, all.problems, sent, true);
          announce(true, all.problems.length);
        }, fail);
      } while (again);
    } catch (error) {
      fail(error);
    } finally {
      busy = false;
      answered();
    }
  };

  return {
    prepare(id) {
      warmCell ??= id;
      // Its editors get completion, hover and go to definition as soon as it is ready, before any edit.
      void checker().then(attach, () => undefined);
    },
    changed(id) {
      if (id) lastEdited = id;
      warmCell ??= id;
      // The first check loads TypeScript and the declarations: say so where the reader types.
      const target = !answered && id ? editorOf(id) : undefined;
      if (target) {
        renderTypeProblems(target.container, [], "Loading the type checker…");
        const note = target.container.querySelector<HTMLElement>(":scope > .cell-type-problems");
        if (note) notes.add(note);
      }
      void check();
      // The reader now waits for the checker: their edit's own run must not restart its start.
      if (id) starting?.edited();
    },
    destroy() {
      starting?.stop();
      failed = true;
    },
  };
}

function listed(problem: CellProblem): ListedProblem {
  return { severity: problem.severity, message: problem.message, place: `Line ${problem.line}, column ${problem.column}` };
}

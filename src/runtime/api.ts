// `window.lesson`: read values, move inputs, list cells and wait for the page to settle.

import type { LessonContext } from "./context.ts";
import { eventOf } from "./generators.ts";
import type { CellState, LessonApi } from "./types.ts";

declare global {
  interface Window {
    /** The page's live API (DESIGN.md). */
    lesson?: LessonApi;
  }
}

/** Creates the API over a mounted lesson. */
export function createApi(context: LessonContext): LessonApi {
  const idle = () => waitIdle(context);
  // A name no cell declares (an exercise's `seed`) gets one variable, redefined on each set:
  // defining the name a second time would make it a duplicate.
  const setVariables = new Map<string, ReturnType<LessonContext["main"]["variable"]>>();
  return {
    value: (name) => context.main.value(name),
    async set(name, value) {
      context.keeping = false; // A kept output (keepOutput.ts) shows the values the page started with.
      const element = findView(context, name);
      if (element) {
        (element as Element & { value: unknown }).value = value;
        element.dispatchEvent(new Event(eventOf(element), { bubbles: true }));
      } else {
        const variable = findOutput(context, name);
        if (variable) variable.define(name, [], () => value);
        else {
          const own = setVariables.get(name) ?? context.main.variable();
          setVariables.set(name, own);
          own.define(name, [], () => value);
        }
      }
      await idle();
    },
    cells: () => context.board.list().sort((a, b) => a.line - b.line),
    idle,
  };
}

/** Resolves once the runtime has run what is scheduled and no cell is pending. */
export async function waitIdle(context: LessonContext): Promise<void> {
  const { board, runtime } = context;
  // A macrotask first: an input event reaches the runtime through promise callbacks, and only
  // then is a computation scheduled. Dependents turn pending when that computation runs, so
  // after it (and a task for its promises) no pending cell means at rest. Animations keep
  // scheduling frames, so waiting for an empty schedule would never end.
  await nextTask();
  while (true) {
    if (runtime._computing) await runtime._computing; // Once: an animation reschedules forever.
    await nextTask();
    if (board.countPending() === 0) return;
    await board.nextChange(100);
  }
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function findView(context: LessonContext, name: string): Element | undefined {
  for (const cell of context.cells.values()) {
    const element = cell.views.get(name);
    if (element) return element;
  }
  return undefined;
}

function findOutput(context: LessonContext, name: string) {
  for (const cell of context.cells.values()) {
    const index = cell.definition.outputs.indexOf(name);
    if (index >= 0 && cell.variables.length) return cell.variables[index + 1];
  }
  return undefined;
}

/** A cell's state once it has settled (fulfilled or rejected). */
export async function waitSettled(context: LessonContext, id: string): Promise<CellState> {
  await nextTask(); // Let the runtime schedule the computation…
  if (context.runtime._computing) await context.runtime._computing;
  await nextTask(); // …and run the promise callbacks that settle the cell.
  const state = context.board.get(id);
  if (!state) throw new Error(`no cell ${id} is defined`);
  if (state.status !== "pending") return { ...state };
  return new Promise((resolve) => {
    const unsubscribe = context.board.subscribe((next) => {
      if (next.id !== id || next.status === "pending") return;
      unsubscribe();
      resolve({ ...next });
    });
  });
}

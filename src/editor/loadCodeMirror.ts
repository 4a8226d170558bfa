// CodeMirror is never part of the page's first paint: it loads once, on first need.

let codeMirror: Promise<typeof import("./codemirror.ts")> | undefined;

/** Loads the CodeMirror editor module (once per page). */
export function loadCodeMirror(): Promise<typeof import("./codemirror.ts")> {
  return (codeMirror ??= import("./codemirror.ts"));
}

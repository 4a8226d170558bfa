// The editor's few styles, added once per document (text only, no external sheet to load).

const CSS = `
.cell-editor { margin: 0.4rem 0; }
[data-source-for][tabindex] { cursor: text; }
.cell-editor-bar { margin-top: 0.35rem; display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; font: 0.8125rem/1.4 var(--sans-serif, system-ui, sans-serif); color: var(--muted, #5b636e); }
.cell-editor-button, .lesson-edits button, .share-dialog button {
  padding: 0.1rem 0.55rem; border: 1px solid var(--rule, #d8dce1); border-radius: 4px;
  background: var(--surface, #f5f6f8); color: var(--fg, #1f2328); font: 0.75rem/1.4 var(--sans-serif, system-ui, sans-serif); cursor: pointer;
}
.cell-editor-button:hover:not(:disabled), .lesson-edits button:hover:not(:disabled), .share-dialog button:hover { border-color: var(--accent, #1f6feb); }
.cell-editor-button:disabled, .lesson-edits button:disabled { opacity: 0.55; cursor: default; }
.cell-editor-button:focus-visible, .lesson-edits button:focus-visible, .share-dialog button:focus-visible { outline: 2px solid var(--focus, #0b62d6); outline-offset: 1px; }
.cell-edited-badge { padding: 0 0.45rem; border-radius: 0.6rem; background: var(--warning-bg, #fdf7e6); color: var(--warning-fg, #6b4a00); border: 1px solid color-mix(in srgb, var(--warning, #9a6700) 45%, transparent); font-size: 0.75rem; }
.cell-editor-status { color: var(--muted, #5b636e); }
.cell-editor-code .cm-editor { border: 1px solid var(--rule, #d8dce1); border-radius: var(--radius, 4px); background: var(--code-bg, #f4f5f7); color: var(--fg, #1f2328); font-size: 0.875rem; }
.cell-editor-code .cm-editor .cm-gutters { background: var(--surface, #f5f6f8); color: var(--muted, #5b636e); border-right-color: var(--rule, #d8dce1); }
.cell-editor-code .cm-editor .cm-activeLine, .cell-editor-code .cm-editor .cm-activeLineGutter { background: color-mix(in srgb, var(--accent, #1f6feb) 7%, transparent); }
.cell-editor-code .cm-editor .cm-cursor { border-left-color: var(--fg, #1f2328); }
.cell-editor-code .cm-editor.cm-focused, .cell-editor-code .cm-editor:focus-within { outline: 2px solid var(--focus, #2563eb); outline-offset: 1px; }
.cell-editor .cell-error { margin-top: 0.4rem; padding: 0.4rem 0.6rem; border-left: 3px solid var(--error-rule, #e5a79c); background: var(--error-bg, #fdf1ef); color: var(--error-fg, #8c2a1c); font: 0.8125rem var(--monospace, ui-monospace, monospace); white-space: pre-wrap; }
.cell-author-changed { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; margin: 0.4rem 0; padding: 0.4rem 0.6rem; border-left: 3px solid var(--note, #0969da); background: color-mix(in srgb, var(--note, #0969da) 8%, var(--bg, #fff)); color: var(--fg, #1f2328); font: 0.8125rem/1.4 var(--sans-serif, system-ui, sans-serif); }
.cell-author-changed[hidden] { display: none; }
.cell-author-diff { flex: 1 1 100%; }
.cell-diff { font: 0.8rem var(--monospace, ui-monospace, monospace); overflow: auto; max-height: 20rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.cell-diff .diff-marker { padding: 0 0.15rem; border: 1px solid var(--warning, #9a6700); border-radius: 3px; background: var(--warning-bg, #fdf7e6); color: var(--warning-fg, #6b4a00); font-weight: 600; }
.cell-diff .diff-added { color: var(--hl-string, #166534); background: color-mix(in srgb, var(--tip, #1a7f37) 10%, transparent); }
.cell-diff .diff-removed { color: var(--error-fg, #991b1b); background: var(--error-bg, #fef2f2); }
.lesson-edits { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; font: 0.8125rem/1.4 var(--sans-serif, system-ui, sans-serif); margin: 2.5rem 0 0; padding-top: 0.75rem; border-top: 1px solid var(--rule, #d8dce1); }
.lesson-edits-notice { margin: 0; color: var(--muted, #5b636e); }
.lesson-edits-link { flex: 1 1 20rem; font: inherit; }
.lesson-edits-carries { flex: 1 1 100%; margin: 0; overflow-wrap: anywhere; }
.share-dialog { max-width: min(48rem, 90vw); border: 1px solid var(--rule, #d8dce1); border-radius: var(--radius, 6px); background: var(--bg, #fff); color: var(--fg, #1f2328); }
.share-dialog > h2:first-child { margin-top: 0; }
.share-dialog form { display: flex; gap: 0.5rem; justify-content: flex-end; }
.share-dialog-changes { max-height: min(55vh, 36rem); overflow: auto; border: 1px solid var(--rule, #d8dce1); border-radius: var(--radius, 4px); padding: 0 0.6rem; }
.share-dialog-changes:focus-visible { outline: 2px solid var(--focus, #0b62d6); outline-offset: 1px; }
.share-dialog .cell-diff { max-height: none; overflow: visible; }
.share-dialog-warning { padding: 0.4rem 0.6rem; border-left: 3px solid var(--warning, #9a6700); background: var(--warning-bg, #fdf7e6); color: var(--warning-fg, #6b4a00); }
.share-dialog-unseen { font-size: 0.8125rem; color: var(--muted, #5b636e); }
`;

/** Adds the editor's stylesheet to `doc` unless it is there already. */
export function injectStyles(doc: Document): void {
  if (doc.querySelector("style[data-live-lesson-editor]")) return;
  const style = doc.createElement("style");
  style.dataset.liveLessonEditor = "";
  style.textContent = CSS;
  doc.head.append(style);
}

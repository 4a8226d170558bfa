// The editor's few styles, added once per document (text only, no external sheet to load).

const CSS = `
.cell-editor { margin: 0.5rem 0; }
[data-source-for][tabindex] { cursor: text; }
.cell-editor-bar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; font: 0.85rem system-ui, sans-serif; }
.cell-editor-button, .lesson-edits button { font: inherit; padding: 0.15rem 0.6rem; cursor: pointer; }
.cell-edited-badge { padding: 0 0.4rem; border-radius: 0.6rem; background: #fde68a; color: #422006; font-size: 0.75rem; }
.cell-editor-status { color: #555; }
.cell-editor-code .cm-editor { border: 1px solid #ccc; border-radius: 4px; font-size: 0.9rem; }
.cell-editor-code .cm-editor.cm-focused { outline: 2px solid #2563eb; }
.cell-error { margin-top: 0.4rem; padding: 0.4rem 0.6rem; border-left: 3px solid #b91c1c; background: #fef2f2; color: #7f1d1d; font: 0.85rem ui-monospace, monospace; white-space: pre-wrap; }
.cell-author-changed { margin: 0.4rem 0; padding: 0.4rem 0.6rem; background: #eff6ff; font: 0.85rem system-ui, sans-serif; }
.cell-diff { font: 0.8rem ui-monospace, monospace; overflow: auto; max-height: 20rem; }
.cell-diff .diff-added { color: #166534; background: #f0fdf4; }
.cell-diff .diff-removed { color: #991b1b; background: #fef2f2; }
.lesson-edits { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; font: 0.85rem system-ui, sans-serif; margin-bottom: 1rem; }
.lesson-edits-notice { margin: 0; color: #555; }
.lesson-edits-link { flex: 1 1 20rem; font: inherit; }
.share-dialog { max-width: min(48rem, 90vw); }
.share-dialog form { display: flex; gap: 0.5rem; justify-content: flex-end; }
@media (prefers-color-scheme: dark) {
  .cell-editor-status, .lesson-edits-notice { color: #aaa; }
  .cell-error { background: #2a1111; color: #fecaca; }
  .cell-author-changed { background: #0f1b2e; }
}
`;

/** Adds the editor's stylesheet to `doc` unless it is there already. */
export function injectStyles(doc: Document): void {
  if (doc.querySelector("style[data-live-lesson-editor]")) return;
  const style = doc.createElement("style");
  style.dataset.liveLessonEditor = "";
  style.textContent = CSS;
  doc.head.append(style);
}

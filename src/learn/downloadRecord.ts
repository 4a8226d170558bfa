// "Download my record": the record document as a JSON file the learner keeps or hands in.

import type { RecordDocument } from "./record/index.ts";

/** Saves `document` as `<lesson>-record.json` through a temporary link. */
export function downloadRecord(doc: Document, record: RecordDocument): void {
  const name = `${record.lesson.file.replace(/\.md$/, "").replace(/[^A-Za-z0-9._-]+/g, "-")}-record.json`;
  const url = URL.createObjectURL(new Blob([JSON.stringify(record, null, 2)], { type: "application/json" }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

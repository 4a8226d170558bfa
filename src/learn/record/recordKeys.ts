// Where a site's learning records live in localStorage. Every key carries the site's base path
// (src/store/siteScope.ts), so two courses served from one origin never share a record.

/** The key of one lesson's record. */
export function recordKey(scope: string, lessonKey: string): string {
  return `live-lesson:record:${scope}:${lessonKey}`;
}

/** The key of the learner's id for a site (shared by its lessons, so one learner is one actor). */
export function learnerKey(scope: string): string {
  return `live-lesson:learner:${scope}`;
}

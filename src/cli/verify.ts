// `lesson verify <record.json> [lessons…]`: re-checks a downloaded learning record against the
// lesson it names and prints one verdict per item; exits 0 only when every claim holds.

import { readFile, stat } from "node:fs/promises";
import { compileLesson, type Lesson } from "../compile/index.ts";
import { findLessonFiles } from "../site/findLessons.ts";
import { computeLive } from "../verify/computeLive.ts";
import { createExerciseVerifier } from "../verify/verifyExercise.ts";
import { registerItemVerifier, verifyRecord } from "../verify/verifyRecord.ts";

const usage = `Usage: lesson verify <record.json> [lessons…] [--json]

Re-checks a learning record ("Download my record" on a lesson page) against the lesson it names:
each answer is checked again the way the page checked it (a live answer recomputed from the input
values the record carries), each prediction's answers must precede it, an exercise recorded as
passed has its code run again against the check, and the lesson's version is compared. Lessons are .md files or folders (default: lessons/).
  --json   print the verification as JSON
Exits with 0 only when every claim in the record holds; 1 otherwise (each failing item is named).`;

/** Runs `lesson verify` with its arguments and resolves to the exit code. */
export async function runVerify(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(usage);
    return 0;
  }
  const json = args.includes("--json");
  const unknown = args.filter((a) => a.startsWith("-") && a !== "--json");
  const [recordFile, ...paths] = args.filter((a) => !a.startsWith("-"));
  if (!recordFile || unknown.length) {
    console.error(`lesson verify: ${unknown.length ? `unknown option ${unknown[0]}` : "expected a record file"}\n\n${usage}`);
    return 1;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(recordFile, "utf8"));
  } catch (error) {
    console.error(`lesson verify: cannot read ${recordFile}: ${(error as Error).message}`);
    return 1;
  }
  const files: string[] = [];
  for (const path of paths.length ? paths : ["lessons"]) {
    try {
      files.push(...((await stat(path)).isDirectory() ? findLessonFiles(path) : [path]));
    } catch (error) {
      console.error(`lesson verify: cannot read ${path}: ${(error as Error).message}`);
      return 1;
    }
  }
  const lessons: Lesson[] = [];
  for (const file of files) lessons.push(compileLesson(await readFile(file, "utf8"), { file }));
  // An exercise recorded as passed is re-run: its code in the exercise's cell against the check.
  registerItemVerifier("exercise", createExerciseVerifier());
  const result = await verifyRecord(raw, lessons, { computeLive: (lesson, inputs, cells) => computeLive(lesson, inputs, cells) });
  if (json) {
    console.log(JSON.stringify(result, null, 2));
    return result.ok ? 0 : 1;
  }
  const where = result.lesson ? `${result.lesson.file}` : recordFile;
  for (const note of result.notes) console.log(`${note.holds ? "note" : "✗"} ${where}: ${note.message}`);
  for (const v of result.verdicts) {
    const mark = v.holds === null ? "·" : v.holds ? "✓" : "✗";
    console.log(`${mark} ${where}${v.line ? `:${v.line}` : ""} ${v.kind} ${v.id}: ${v.message}`);
  }
  const failed = result.verdicts.filter((v) => v.holds === false).length + result.notes.filter((n) => !n.holds).length;
  console.log(result.ok ? `The record holds: ${result.verdicts.filter((v) => v.holds).length} claim(s) checked.` : `The record does not hold: ${failed} problem(s).`);
  return result.ok ? 0 : 1;
}

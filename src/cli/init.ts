// `lesson init [dir]`: a course folder that runs with `npm install && npm start` and `npm test`:
// package.json, lessons/ with a first lesson, course.yml, .gitignore, README and a CI workflow.
// It never overwrites a file: in a folder that has some of them already (a package.json that
// `npm install live-lesson` wrote), it adds what is missing and keeps the rest.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { courseScripts, gitignore, renderCourseConfig, renderPackageJson, renderReadme, workflow, type CourseFacts } from "./courseFiles.ts";
import { renderTemplate } from "./new.ts";
import { parseCommandArgs } from "./parseCommandArgs.ts";

const help = `Usage: lesson init [dir] [--title "Course title"]

Makes dir (default: the current folder) a course: package.json (depending on live-lesson, with
the scripts start, build, check and test), lessons/introduction.md, course.yml, .gitignore,
README.md and .github/workflows/lessons.yml (check and build on every push). Never overwrites a
file: an existing package.json gets the scripts and the dependency it lacks.`;

/** Runs `lesson init` and resolves to the exit code. */
export async function runInit(args: string[]): Promise<number> {
  const parsed = parseCommandArgs("init", help, args, { title: { type: "string" } });
  if (typeof parsed === "number") return parsed;
  if (parsed.positionals.length > 1) {
    console.error(`lesson init: expected at most one folder\n\n${help}`);
    return 1;
  }
  const dir = resolve(parsed.positionals[0] ?? ".");
  const folder = basename(dir);
  const facts: CourseFacts = {
    name: folder.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[-._]+|-+$/g, "") || "course",
    title: parsed.values.title?.trim() || titleFromFolder(folder),
    liveLesson: `^${readOwnVersion()}`,
  };
  const written: string[] = [];
  const kept: string[] = [];
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    if (existsSync(path)) return void kept.push(name);
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, text, { flag: "wx" });
    written.push(name);
  };
  mkdirSync(dir, { recursive: true });
  const packageJson = join(dir, "package.json");
  if (existsSync(packageJson)) {
    const added = completePackageJson(packageJson, facts);
    if (typeof added === "string") {
      console.error(`lesson init: ${relative(process.cwd(), packageJson) || packageJson}: ${added}`);
      return 1;
    }
    (added.length ? written : kept).push(added.length ? `package.json (added ${added.join(", ")})` : "package.json");
  } else write("package.json", renderPackageJson(facts));
  write("course.yml", renderCourseConfig(facts));
  write(".gitignore", gitignore);
  write("README.md", renderReadme(facts));
  write(".github/workflows/lessons.yml", workflow);
  write("lessons/introduction.md", renderTemplate("Introduction", 1));
  const shown = relative(process.cwd(), dir);
  console.log(
    [
      `${written.length ? "Wrote" : "Nothing to write"} in ${shown || "the current folder"}${written.length ? `: ${written.join(", ")}` : ""}`,
      ...(kept.length ? [`  Kept as they were: ${kept.join(", ")}`] : []),
      `Next:${shown ? ` cd ${shown} &&` : ""} npm install && npm start`,
      "  npm test checks every lesson; npx lesson new my-topic adds one.",
    ].join("\n"),
  );
  return 0;
}

/** Adds the scripts and the live-lesson dependency a package.json lacks; the names added, or why it cannot. */
function completePackageJson(path: string, facts: CourseFacts): string[] | string {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  } catch (error) {
    return `not valid JSON (${(error as Error).message}); fix it or remove it, then run lesson init again`;
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) return "not a JSON object";
  const added: string[] = [];
  const scripts = (json.scripts ??= {}) as Record<string, string>;
  for (const [name, command] of Object.entries(courseScripts)) {
    // npm init writes a test script that fails; it is the placeholder, not the author's.
    const placeholder = name === "test" && /no test specified/.test(scripts.test ?? "");
    if (scripts[name] === undefined || placeholder) {
      scripts[name] = command;
      added.push(`script ${name}`);
    }
  }
  const dependencies = { ...(json.dependencies as Record<string, string> | undefined) };
  const devDependencies = (json.devDependencies ?? {}) as Record<string, string>;
  if (!dependencies["live-lesson"] && !devDependencies["live-lesson"]) {
    dependencies["live-lesson"] = facts.liveLesson;
    json.dependencies = dependencies;
    added.push("dependency live-lesson");
  }
  if (json.type === undefined) {
    json.type = "module";
    added.push('"type": "module"');
  }
  if (added.length) writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
  return added;
}

/** "my-course" → "My course". */
function titleFromFolder(folder: string): string {
  const words = folder.replace(/[-_]+/g, " ").trim() || "My course";
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** live-lesson's own version (its package.json is two folders up from src/cli/ and lib/cli/). */
function readOwnVersion(): string {
  const json = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return json.version;
}

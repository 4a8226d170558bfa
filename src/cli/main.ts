// The `lesson` command: dispatches to one file per subcommand.

const usage = `Usage: lesson <command> [options]

Commands:
  init [dir]                Make a course folder: package.json, lessons/, course.yml, CI
  dev [dir]                 Start the dev server on a folder of lessons (default: lessons)
  build [dir] [--out dist]  Build a static site
  new <slug> [--title T]    Create a lesson from the template
  guide [--open]            Serve the authoring guide (every feature of a lesson, working)
  check [files or dirs...]  Lint, type-check and run lessons; report every problem
  compile <file> [--json]   Print a compiled lesson
  verify <record.json> [lessons...]  Re-check a learning record against its lesson

Add --help after a command for its options.`;

type Command = (args: string[]) => Promise<number>;

// Loaded lazily so `lesson compile` does not pay for Vite or Playwright.
const commands: Record<string, () => Promise<Command>> = {
  init: async () => (await import("./init.ts")).runInit,
  compile: async () => (await import("./compile.ts")).runCompile,
  dev: async () => (await import("./dev.ts")).runDev,
  build: async () => (await import("./build.ts")).runBuild,
  new: async () => (await import("./new.ts")).runNew,
  guide: async () => (await import("./guide.ts")).runGuide,
  check: async () => (await import("./check.ts")).runCheck,
  verify: async () => (await import("./verify.ts")).runVerify,
};

/** Runs the CLI with `args` (without node and script) and resolves to the exit code. */
export async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === "--help" || name === "-h") {
    console.log(usage);
    return name ? 0 : 1;
  }
  const load = commands[name];
  if (!load) {
    console.error(`lesson: unknown command "${name}"\n\n${usage}`);
    return 1;
  }
  return (await load())(rest);
}

// The files `lesson init` writes around the first lesson: what a course folder needs to run with
// `npm install && npm start` and `npm test`, and to be checked and built by CI. Kept as text here,
// not as files in the package: npm renames a shipped `.gitignore`, and these are few and short.

/** What the files say about the course. */
export interface CourseFacts {
  /** The npm package name of the course (the folder's name, lower-cased). */
  name: string;
  /** The site title. */
  title: string;
  /** The version range of live-lesson the course depends on. */
  liveLesson: string;
}

/** The scripts of the course's package.json: the same two commands as live-lesson's own repository. */
export const courseScripts: Record<string, string> = {
  start: "lesson dev lessons --open",
  build: "lesson build lessons --out dist",
  check: "lesson check lessons",
  test: "lesson check lessons",
};

/** A new course's package.json. */
export function renderPackageJson(facts: CourseFacts): string {
  const json = {
    name: facts.name,
    version: "0.1.0",
    private: true,
    type: "module",
    scripts: courseScripts,
    dependencies: { "live-lesson": facts.liveLesson },
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** course.yml: every field, the ones a new course does not need left as comments. */
export function renderCourseConfig(facts: CourseFacts): string {
  return `# The course config: what the site needs without code. Every field is optional.
# A bad value is an error of lesson check and lesson build, at its line here.

# The site title, in every page header and on the index.
title: ${JSON.stringify(facts.title)}

# A sentence under the title on the index (and its meta description).
description: "Interactive lessons: move the sliders, edit the code."

# The public path the built site is served from: "./" (relative URLs, works from any path; the
# default), or "/my-course/" for https://example.github.io/my-course/.
# base: "./"

# The reading order, by file name without .md; lessons it leaves out follow, by their front matter's
# order. Or parts, which also head the index:
# order: [introduction]
# parts:
#   - title: Part one
#     lessons: [introduction]

# The page listing every export of live-lesson/math (math-reference.html); false leaves it out.
# mathReference: true
`;
}

/** The course's .gitignore. */
export const gitignore = `node_modules/
dist/
`;

/** The course's README: the commands. */
export function renderReadme(facts: CourseFacts): string {
  return `# ${facts.title}

Interactive lessons written in Markdown with live TypeScript cells, built with
[live-lesson](https://www.npmjs.com/package/live-lesson).

    npm install && npm start     # the dev server: the index opens, pages reload as you edit
    npm test                     # lesson check: every problem in every lesson, file:line:col

- \`npx lesson new my-topic\` adds \`lessons/my-topic.md\` from a template.
- \`npx lesson guide\` serves the authoring guide, "Writing a lesson": every feature of a lesson, working
  (its text: \`node_modules/live-lesson/lessons/authoring.md\`).
- \`npm run build\` writes the static site to \`dist/\` (open \`dist/index.html\`, or serve it from any path).
- \`course.yml\` sets the site title, base path and the order of the lessons; each field is explained in it.
- Link to another lesson by its file name, \`[the next step](other-lesson.md#a-heading)\`.
- \`lesson check\` runs every lesson in a headless Chromium; without one, install it
  (\`sudo apt-get install chromium\`) or set \`CHROMIUM_PATH\`; \`npx lesson check --no-run\` skips that run.

\`.github/workflows/lessons.yml\` checks and builds the course on every push (GitHub Actions).
`;
}

/** A GitHub Actions workflow: check and build on every push and pull request (the runners have Chrome). */
export const workflow = `name: lessons
on: [push, pull_request]
jobs:
  check-and-build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - run: npx lesson check lessons
      - run: npx lesson build lessons --out dist
      - uses: actions/upload-artifact@v4
        with:
          name: site
          path: dist
`;

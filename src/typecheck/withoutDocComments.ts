// A declaration file without its doc comments. In a `.d.ts` file they shape no type and no error
// (TypeScript reads JSDoc types only in JavaScript), yet they are most of TypeScript's libs (two
// thirds of lib.dom.d.ts's 2.3 MB, 62 % of the ES libs' 515 KB) and parsing them is most of parsing
// those files: the build ships the browser's declarations without them (collectCheckerFiles.ts), and
// the page checker's first program reads the ES libs without them (createLessonService.ts).

/**
 * `text` without its doc comments (`/** … *\/` on lines of their own, as TypeScript's libs write
 * them): the lines of code stay as they are, other comments too.
 */
export function withoutDocComments(text: string): string {
  return text.replace(/^[ \t]*\/\*\*(?:[^*]|\*(?!\/))*\*\/[ \t]*\r?\n/gm, "");
}

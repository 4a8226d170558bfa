// The compiler behind a guard: one lesson that crashes it must not take the site down.
import { compileLesson } from "../compile/index.ts";
import type { CompileOptions, Lesson } from "../compile/index.ts";

/**
 * compileLesson never throws on lesson content; should it throw anyway (a compiler bug), the
 * lesson still gets a page that shows the problem, and the rest of the site keeps working.
 */
export function compileSafely(source: string, options: CompileOptions & { file: string }): Lesson {
  const { file } = options;
  try {
    return compileLesson(source, options);
  } catch (error) {
    const message = `internal compiler error: ${error instanceof Error ? error.message : String(error)}`;
    return {
      file,
      title: file.replace(/^.*[\\/]/, "").replace(/\.md$/, ""),
      frontMatter: {},
      html: "",
      cells: [],
      links: [],
      anchors: [],
      diagnostics: [{ severity: "error", code: "internal", message, line: 1, column: 1 }],
      learning: { version: "0", blanks: [], predictions: [], sections: [] },
      exercises: [],
    };
  }
}

// Every lesson the project has (bundled, the bench's, fixtures, the browser tests'): what the native
// front end's agreement tests compile with both front ends.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project folder. */
export const root = fileURLToPath(new URL("../../../", import.meta.url));

function listLessons(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listLessons(path);
    return name.endsWith(".md") ? [path] : [];
  });
}

/** The path of every `.md` file under the project's lesson folders. */
export const everyLesson: readonly string[] = ["lessons", "bench/lessons", "test/fixtures", "test/e2e/lessons"].flatMap((dir) => listLessons(join(root, dir)));

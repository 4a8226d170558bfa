// `lesson` as an installed package runs it: lib/cli/main.js, without bin/lesson.js's step that
// brings lib/ up to date in a checkout (`npm run bench` has just built lib/).
import { main } from "../../lib/cli/main.js";

process.exitCode = await main(process.argv.slice(2));

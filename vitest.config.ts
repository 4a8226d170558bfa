import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

// Two projects: fast unit tests, and browser tests that drive real Chromium one file at a time.
export default defineConfig({
  test: {
    projects: [
      {
        // package.json's "#cell-front-end" names the compiled lib/ file in Node; tests read src/.
        ssr: { resolve: { conditions: ["live-lesson-source", ...defaultServerConditions] } },
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/e2e/**"],
          environment: "node",
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          // A poll waits for the page to reach a state, never times it: a shared two-core machine may
          // take seconds to load a chunk the first time (the dev server transforms it on request).
          expect: { poll: { timeout: 10_000 } },
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

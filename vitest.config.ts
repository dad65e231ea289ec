import { defineConfig } from "vitest/config";

/**
 * Pure tests: no database, no Redis, no browser, no global setup. A file belongs here only if it runs with every
 * service down (`npm run test:unit` is the loop of seconds); anything that needs a service lives under the other folders.
 */
const unit = ["test/unit/**/*.test.ts"];

export default defineConfig({
  test: {
    // Integration tests share one freshly migrated database per run; each test owns its rows (unique ids).
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: unit } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/**/*.test.ts"],
          exclude: unit,
          // Only this project creates, migrates and drops the run's database (and cleans the run's Redis keys).
          globalSetup: ["test/support/global-setup.ts"],
        },
      },
    ],
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts", "flows/**/*.ts"],
      exclude: ["src/generated/**"],
      reporter: ["text-summary", "html", "json-summary"],
    },
  },
});

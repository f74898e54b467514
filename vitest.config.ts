import { availableParallelism } from "node:os";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";
// @ts-expect-error plain ESM helper shared with the npm scripts
import { buildWeb } from "./scripts/build-web.mjs";
// @ts-expect-error plain ESM helper shared with the npm scripts
import { localVars } from "./scripts/dev-vars.mjs";

// The Worker serves the web app from dist/web (wrangler.toml [assets]): every project needs it
// built, the browser tests most of all. Skipped when the app's sources have not changed.
await buildWeb();

/**
 * Vite's warning about packages (stripe, standardwebhooks) that ship source maps without their
 * sources, dropped: two hundred lines per run that say nothing about our code.
 */
const quietMissingSources: Plugin = {
  name: "tchat-quiet-missing-sources",
  configResolved(config) {
    const { warnOnce } = config.logger;
    config.logger.warnOnce = (message, options) => {
      if (!message.includes("points to missing source files")) warnOnce(message, options);
    };
  },
};

const migrations = await readD1Migrations("./d1/migrations");
/** One JSON line per request makes test output unreadable: off in tests unless ACCESS_LOG=true is set. */
const accessLog = process.env.ACCESS_LOG === "true" ? "true" : "false";

export default defineConfig({
  test: {
    // Vitest's default on a 2-core machine is a single worker; two keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The Worker's structured log lines (cron runs, consumer retries a test provokes on purpose) stay
    // out of the test output unless asked for: TEST_LOGS=true npx vitest run ...
    onConsoleLog: () => (process.env.TEST_LOGS === "true" ? undefined : false),
    projects: [
      {
        plugins: [
          quietMissingSources,
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              // The same development values `npm start` uses, plus the migrations for test/setup.ts.
              // The per-request access log stays quiet unless asked for: ACCESS_LOG=true npx vitest run
              bindings: { ...localVars(), ACCESS_LOG: accessLog, TEST_MIGRATIONS: migrations },
              // An empty second database for the backup restore test (test/ops/backup.test.ts).
              d1Databases: { RESTORE_TEST_DB: "tchat-restore-test" },
            },
          }),
        ],
        test: {
          name: "workers",
          include: ["test/**/*.test.ts"],
          exclude: ["test/e2e/**", "test/**/*.static.test.ts", "test/**/*.node.test.ts", "node_modules/**"],
          setupFiles: ["./test/setup.ts"],
          testTimeout: 30_000,
          // Each isolated file would start its own workerd (several seconds each). Files share a
          // runtime, and so its storage, instead: tests look only at rows they made themselves.
          isolate: false,
        },
      },
      {
        // Checks of the sources themselves (they read files), and tests of the Node scripts (the cron
        // ticker fakes timers: in the workers' shared isolate that would fire other events' timers
        // from the test's context). They run in Node, not workerd.
        test: {
          name: "static",
          include: ["test/**/*.static.test.ts", "test/**/*.node.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          // The backup scripts' round trip boots a server of its own and restores through wrangler
          // (minutes on two cores): run on its own with `npm run test:backup`, not in every `npm test`.
          exclude: process.env.BACKUP_E2E === "true" ? [] : ["test/e2e/backup.test.ts"],
          environment: "node",
          // The server boots in the background from the start of the run (global-setup.ts); these
          // files run after the other projects' and wait for it in ready.ts.
          globalSetup: ["./test/e2e/global-setup.ts"],
          setupFiles: ["./test/e2e/ready.ts"],
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

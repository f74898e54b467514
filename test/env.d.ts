import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      /** An empty database the backup test restores into (vitest.config.ts). */
      RESTORE_TEST_DB: D1Database;
    }
  }
}

import { applyD1Migrations, env } from "cloudflare:test";
import { afterAll, afterEach } from "vitest";
import { resetClock } from "../workers/platform/clock";

// Each test file gets its own isolated storage; bring its D1 up to the current schema.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);

// A test that moved the platform clock (test/support/clock.ts) leaves the next one the real time.
afterEach(resetClock);
afterAll(resetClock);

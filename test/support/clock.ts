import { env } from "cloudflare:test";
import { advanceClock } from "../../workers/platform/clock";

/**
 * Moves the platform clock (`nowMs()`, and the time inside new ids) `ms` forward, instead of
 * sleeping out a TTL. It is back at the real time after each test (test/setup.ts). Durable Objects
 * keep their own time: age their storage through runInDurableObject instead.
 */
export function advanceTime(ms: number): void {
  advanceClock(env, ms);
}

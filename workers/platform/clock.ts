import { readConfig } from "./config";

/**
 * The platform's one clock: code whose behaviour depends on time (TTLs, expiries, deadlines, time-
 * ordered ids) reads `nowMs()`. In production it is exactly `Date.now()`. Tests move it forward
 * with `advanceClock` instead of sleeping out a TTL. Durable Objects keep their own time (their
 * alarms run on it): tests age an object's storage through the vitest plugin's runInDurableObject.
 */
let offsetMs = 0;

/** Unix epoch milliseconds, as every timestamp column holds them. */
export function nowMs(): number {
  return Date.now() + offsetMs;
}

/**
 * Test only: moves `nowMs()` forward by `ms` for every caller in this isolate. Refused outside the
 * development environment, so a deployed Worker's clock is always the real one.
 */
export function advanceClock(env: Env, ms: number): void {
  if (readConfig(env).environment !== "development") {
    throw new Error("The clock only moves in development (tests); deployed Workers read the real time.");
  }
  if (!Number.isFinite(ms) || ms < 0) throw new Error("The clock only moves forward.");
  offsetMs += ms;
}

/** Test only: back to the real time. */
export function resetClock(): void {
  offsetMs = 0;
}

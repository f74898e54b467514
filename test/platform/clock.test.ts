import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { advanceClock, nowMs } from "../../workers/platform/clock";
import { newId } from "../../workers/platform/ids";
import { advanceTime } from "../support/clock";

describe("the platform clock", () => {
  it("is the real time unless a test moves it", () => {
    const before = Date.now();
    const now = nowMs();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it("moves forward for nowMs() and the time inside new ids", () => {
    const day = 86_400_000;
    advanceTime(day);
    expect(nowMs() - Date.now()).toBeGreaterThanOrEqual(day - 5);
    const id = newId("tst");
    const later = newId("tst", Date.now() + day - 1_000);
    expect(id > later).toBe(true);
  });

  it("is back at the real time in the next test", () => {
    expect(Math.abs(nowMs() - Date.now())).toBeLessThan(1_000);
  });

  it("never moves outside development, nor backwards", () => {
    for (const ENVIRONMENT of ["production", "staging"]) {
      expect(() => advanceClock({ ...env, ENVIRONMENT }, 1_000)).toThrow(/only moves in development/);
    }
    expect(() => advanceClock(env, -1)).toThrow(/only moves forward/);
    expect(Math.abs(nowMs() - Date.now())).toBeLessThan(1_000);
  });
});

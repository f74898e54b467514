import { afterEach, describe, expect, it, vi } from "vitest";
import { cronMatches, readCrons, startCronTicker } from "../../scripts/cron-ticker.mjs";

// The ticker `npm start` runs: wrangler dev never fires crons itself, so without it nothing drains
// the outbox, expires unpaid orders or reconciles events locally.

const WRANGLER_TOML = `
name = "tchat-edge"
[observability]
enabled = true

[triggers]
# Every minute: drain the outbox, expire overdue work.
crons = ["* * * * *", "0 3 * * *"]

[vars]
ENVIRONMENT = "production"

[env.staging]
triggers = { crons = ["*/5 * * * *"] }
`;

describe("cron ticker", () => {
  afterEach(() => vi.useRealTimers());

  it("reads the top-level [triggers] crons of wrangler.toml", () => {
    expect(readCrons(WRANGLER_TOML)).toEqual(["* * * * *", "0 3 * * *"]);
    expect(readCrons("[vars]\nA = 1\n")).toEqual([]);
  });

  it("matches cron expressions in UTC, as Cloudflare runs them", () => {
    const monday1015 = new Date("2026-03-02T10:15:00Z");
    expect(cronMatches("* * * * *", monday1015)).toBe(true);
    expect(cronMatches("*/15 * * * *", monday1015)).toBe(true);
    expect(cronMatches("0 * * * *", monday1015)).toBe(false);
    expect(cronMatches("5/10 9-11 * * *", monday1015)).toBe(true);
    expect(cronMatches("15 10 * * 1-5", monday1015)).toBe(true);
    expect(cronMatches("15 10 * * 0,6", monday1015)).toBe(false);
    expect(cronMatches("15 10 1 * 1", monday1015)).toBe(true);
    expect(cronMatches("* * * 4 *", monday1015)).toBe(false);
    expect(() => cronMatches("0 0 L * *", monday1015)).toThrow(/unsupported/);
  });

  it("runs every cron once at start, then each one at the start of every minute it matches", async () => {
    vi.useFakeTimers({ now: new Date("2026-03-02T10:14:30Z") });
    const calls: string[] = [];
    const errors: unknown[] = [];
    let serverUp = true;
    const ticker = startCronTicker({
      base: "http://127.0.0.1:9999",
      crons: ["* * * * *", "*/15 * * * *", "0 * * * *"],
      fetch: async (url: string) => {
        if (!serverUp) throw new TypeError("fetch failed");
        calls.push(new URL(url).pathname + new URL(url).search);
        return new Response("Ran scheduled event");
      },
      onError: (err) => errors.push(err),
    });
    await ticker.started;
    expect(calls).toEqual([
      "/__scheduled?cron=*%20*%20*%20*%20*",
      "/__scheduled?cron=*%2F15%20*%20*%20*%20*",
      "/__scheduled?cron=0%20*%20*%20*%20*",
    ]);

    calls.length = 0;
    await vi.advanceTimersByTimeAsync(30_000); // 10:15:00
    expect(calls).toEqual(["/__scheduled?cron=*%20*%20*%20*%20*", "/__scheduled?cron=*%2F15%20*%20*%20*%20*"]);

    calls.length = 0;
    await vi.advanceTimersByTimeAsync(45 * 60_000); // 11:00:00
    const perCron = (cron: string) => calls.filter((c) => c === `/__scheduled?cron=${encodeURIComponent(cron)}`).length;
    expect(perCron("* * * * *")).toBe(45);
    expect(perCron("*/15 * * * *")).toBe(3);
    expect(perCron("0 * * * *")).toBe(1);

    // A server that is down (restarting) is reported and tried again the next minute.
    calls.length = 0;
    serverUp = false;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(errors).toHaveLength(1);
    serverUp = true;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toEqual(["/__scheduled?cron=*%20*%20*%20*%20*"]);

    ticker.stop();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(calls).toHaveLength(1);
  });
});

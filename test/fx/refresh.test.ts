import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { fxQuotes, fxRates } from "../../d1/schema/fx";
import { fetchAndStore, fixedRatesProvider, refreshFxRates, storedRates } from "../../workers/fx";
import { createQuote } from "../../workers/fx/quotes";
import { database } from "../../workers/platform/db";
import { ApiError } from "../../workers/platform/errors";
import { runScheduled } from "../../workers/scheduled";
import { LATEST_2018_03_22, latestAt, type Recorded, replay } from "./fixtures";

/*
 * The cron's FX step with the real provider's code (FX_PROVIDER=openexchangerates) against recorded
 * answers. The rates table is shared by every test file: the recorded figures are the fixed
 * table's, so a quote elsewhere sees the same numbers whichever provider wrote them last.
 */

const oxrEnv = { ...env, FX_PROVIDER: "openexchangerates" } as Env;
const db = () => database(env);
const HOUR = 3_600_000;

async function ageRates(ms: number): Promise<void> {
  const rows = await db().select().from(fxRates);
  for (const r of rows)
    await db()
      .update(fxRates)
      .set({ fetchedAt: r.fetchedAt - ms })
      .where(eq(fxRates.currency, r.currency));
}

afterAll(async () => {
  // Leave the development table in place for the other files' quotes.
  await fetchAndStore(env, fixedRatesProvider());
});

describe("FX rates refresh (cron)", () => {
  it("fetches when due, stores every currency with fetchedAt, then waits FX_REFRESH_SECONDS", async () => {
    await ageRates(10 * HOUR);
    const seen: Recorded[] = [];
    const before = Date.now();
    const first = await refreshFxRates(oxrEnv, replay(200, latestAt(Date.now()), seen));
    expect(first.refreshed).toBe(true);
    expect(seen).toHaveLength(1);
    const stored = await storedRates(oxrEnv);
    expect(stored?.perUsd).toMatchObject({ THB: "31.2785", IDR: "13762.313762", VND: "22785.432006", USD: "1" });
    expect(stored?.fetchedAt).toBeGreaterThanOrEqual(before);
    const second = await refreshFxRates(oxrEnv, replay(200, latestAt(Date.now()), seen));
    expect(second.refreshed).toBe(false);
    expect(seen).toHaveLength(1);
  });

  it("a provider failure keeps the previous rates and does not throw", async () => {
    await fetchAndStore(oxrEnv, {
      id: "openexchangerates",
      fixed: false,
      latest: async () => ({
        ...(await fixedRatesProvider().latest()),
        provider: "openexchangerates",
        publishedAt: Date.now(),
      }),
    });
    await ageRates(2 * HOUR);
    const kept = await storedRates(oxrEnv);
    const outcome = await refreshFxRates(oxrEnv, replay(401, '{"error":true,"status":401,"message":"invalid_app_id"}'));
    expect(outcome.refreshed).toBe(false);
    expect(outcome.error).toMatch(/invalid_app_id/);
    expect((await storedRates(oxrEnv))?.fetchedAt).toBe(kept?.fetchedAt);
  });

  it("refuses a publication older than FX_RATES_MAX_AGE_SECONDS, however recently fetched", async () => {
    await ageRates(10 * HOUR);
    const outcome = await refreshFxRates(oxrEnv, replay(200, LATEST_2018_03_22));
    expect(outcome.refreshed).toBe(false);
    expect(outcome.error).toMatch(/too old/);
  });

  it("stale rates refuse quotes with 409 rates_unavailable (a 4xx, with Retry-After)", async () => {
    await refreshFxRates(oxrEnv, replay(200, latestAt(Date.now())));
    await ageRates(4 * HOUR);
    const err = await createQuote(oxrEnv, "usr_fx_stale", {
      from: { amount: 100_000, currency: "THB" },
      to: "USD",
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe("rates_unavailable");
    expect((err as ApiError).status).toBe(409);
    expect((err as ApiError).headers?.["Retry-After"]).toBeTruthy();
  });

  it("the fixed development table loads itself when missing or old, so local quotes always work", async () => {
    await ageRates(10 * HOUR);
    const q = await createQuote(env, "usr_fx_fixed", { from: { amount: 100_000, currency: "THB" }, to: "USD" });
    expect(q.midRate).toBe("0.031970842592"); // 1 / 31.2785, to 12 places
    expect((await storedRates(env))?.provider).toBe("fixed");
  });

  it("the minute cron runs the refresh: old rates are fetched again", async () => {
    await ageRates(10 * HOUR);
    const before = Date.now();
    await runScheduled(env);
    expect((await storedRates(env))?.fetchedAt).toBeGreaterThanOrEqual(before);
  });

  it("deletes quotes a day past their expiry, keeps younger ones", async () => {
    const now = Date.now();
    const row = (id: string, expiresAt: number) => ({
      id,
      userId: "usr_fx_sweep",
      fromCurrency: "THB",
      fromAmount: 1000,
      toCurrency: "USD",
      toAmount: 30,
      feeAmount: 5,
      rate: "0.0318",
      midRate: "0.0319",
      spreadBps: 50,
      ratesFetchedAt: now,
      createdAt: expiresAt - 60_000,
      expiresAt,
    });
    const oldId = `fxq_old_${crypto.randomUUID()}`;
    const recentId = `fxq_recent_${crypto.randomUUID()}`;
    await db()
      .insert(fxQuotes)
      .values([row(oldId, now - 25 * HOUR), row(recentId, now - HOUR)]);
    const outcome = await refreshFxRates(env);
    expect(outcome.quotesDeleted).toBeGreaterThanOrEqual(1);
    const left = await db().select({ id: fxQuotes.id }).from(fxQuotes).where(eq(fxQuotes.userId, "usr_fx_sweep"));
    expect(left.map((r) => r.id)).toEqual([recentId]);
  });
});

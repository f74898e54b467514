import { lt } from "drizzle-orm";
import { fxQuotes, fxRates } from "../../d1/schema/fx";
import { CURRENCY_CODES } from "../../schemas/platform";
import { readConfig } from "../platform/config";
import { database, nowMs } from "../platform/db";
import { logEvent } from "../platform/log";
import type { Currency } from "../platform/money";
import type { FxRatesProvider, RatesSnapshot } from "./provider";
import { fixedRatesProvider } from "./providers/fixed";
import { openExchangeRatesProvider } from "./providers/openexchangerates";

/*
 * The latest rates live in D1 (`fx_rates`, one row per currency, all from one fetch). The minute
 * cron asks the provider again once they are FX_REFRESH_SECONDS old; quotes read them and refuse
 * rates older than FX_RATES_MAX_AGE_SECONDS. A failed refresh keeps the previous rates (they age
 * until they are refused) and is logged; it never stops the rest of the cron.
 */

/** Quotes this long past their expiry are deleted by the cron (a conversion never needs them again). */
const QUOTES_KEPT_MS = 86_400_000;

export interface StoredRates extends RatesSnapshot {
  fetchedAt: number;
}

/** The configured provider (FX_PROVIDER), calling out through `fetchFn`. */
export function ratesProvider(env: Env, fetchFn: typeof fetch = fetch): FxRatesProvider {
  return readConfig(env).fx.provider === "fixed"
    ? fixedRatesProvider()
    : openExchangeRatesProvider(env.OXR_APP_ID ?? "", fetchFn);
}

/** The stored latest rates, or null when none (or not every currency) has been fetched yet. */
export async function storedRates(env: Env): Promise<StoredRates | null> {
  const rows = await database(env).select().from(fxRates);
  const perUsd = {} as Record<Currency, string>;
  for (const row of rows) perUsd[row.currency as Currency] = row.perUsd;
  if (rows.length === 0 || CURRENCY_CODES.some((c) => !perUsd[c])) return null;
  // One fetch writes every row: the oldest row is the snapshot's age.
  const first = rows.reduce((a, b) => (b.fetchedAt < a.fetchedAt ? b : a));
  return { provider: first.provider, perUsd, publishedAt: first.publishedAt, fetchedAt: first.fetchedAt };
}

/** Asks the provider and stores its answer (every currency in one batch). */
export async function fetchAndStore(env: Env, provider: FxRatesProvider): Promise<StoredRates> {
  const snapshot = await provider.latest();
  const config = readConfig(env).fx;
  const fetchedAt = nowMs();
  // A real provider's figures older than the age limit are no fresher for being fetched now.
  if (!provider.fixed && fetchedAt - snapshot.publishedAt > config.maxAgeMs) {
    throw new Error(`${provider.id} published its rates at ${new Date(snapshot.publishedAt).toISOString()}: too old`);
  }
  const db = database(env);
  const writes = CURRENCY_CODES.map((currency) => {
    const row = {
      currency,
      perUsd: snapshot.perUsd[currency],
      provider: snapshot.provider,
      publishedAt: snapshot.publishedAt,
      fetchedAt,
    };
    return db
      .insert(fxRates)
      .values(row)
      .onConflictDoUpdate({
        target: fxRates.currency,
        set: { perUsd: row.perUsd, provider: row.provider, publishedAt: row.publishedAt, fetchedAt },
      });
  });
  await db.batch(writes as [(typeof writes)[number], ...typeof writes]);
  return { ...snapshot, fetchedAt };
}

export interface RefreshOutcome {
  refreshed: boolean;
  /** Why the refresh failed, when it did (the previous rates stay). */
  error?: string;
  quotesDeleted: number;
}

/** The cron's FX step: refresh the rates when due, and delete long-expired quotes. */
export async function refreshFxRates(env: Env, fetchFn: typeof fetch = fetch): Promise<RefreshOutcome> {
  const now = nowMs();
  const deleted = await database(env)
    .delete(fxQuotes)
    .where(lt(fxQuotes.expiresAt, now - QUOTES_KEPT_MS));
  const quotesDeleted = deleted.meta.changes ?? 0;
  const current = await storedRates(env);
  const provider = ratesProvider(env, fetchFn);
  const due = !current || current.provider !== provider.id || now - current.fetchedAt >= readConfig(env).fx.refreshMs;
  if (!due) return { refreshed: false, quotesDeleted };
  try {
    await fetchAndStore(env, provider);
    return { refreshed: true, quotesDeleted };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    logEvent("warn", "fx_rates_refresh_failed", { provider: provider.id, error });
    return { refreshed: false, error, quotesDeleted };
  }
}

/**
 * Rates a quote may use now: the stored ones while younger than the age limit. With the fixed
 * table (development) missing or old rates are loaded at once; a real provider is only ever asked
 * by the cron, so a burst of quotes never spends the provider's request quota.
 */
export async function usableRates(env: Env): Promise<StoredRates | null> {
  const current = await storedRates(env);
  const { maxAgeMs, provider } = readConfig(env).fx;
  if (current && current.provider === provider && nowMs() - current.fetchedAt <= maxAgeMs) return current;
  if (provider === "fixed") return fetchAndStore(env, fixedRatesProvider());
  return null;
}

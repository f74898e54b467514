import { useEffect, useState } from "preact/hooks";

// An FX quote's numbers for the reader: rates are exact decimal strings (schemas/fx.ts), shown
// with their significant digits through Intl, never rounded to three places; the spread is in
// basis points, shown as a percentage.

export function formatRate(rate: string, tag: string): string {
  const value = Number(rate);
  if (!Number.isFinite(value)) return rate;
  return new Intl.NumberFormat(tag, { maximumSignificantDigits: 8 }).format(value);
}

export function formatBps(bps: number, tag: string): string {
  return new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 2 }).format(bps / 10_000);
}

/**
 * Whole seconds until `iso`, ticking every second; 0 once it has passed. The clock is read at each
 * render, not kept in state: a new `iso` (a renewed quote) must not be measured against the time
 * of the last tick, which may lie past it (a tab that slept, a clock set back).
 */
export function useSecondsLeft(iso: string | null): number {
  const at = iso ? Date.parse(iso) : 0;
  const [, setTick] = useState(0);
  const now = Date.now();
  useEffect(() => {
    if (!iso || at <= now) return;
    const timer = setTimeout(() => setTick((n) => n + 1), Math.min(1000, at - now));
    return () => clearTimeout(timer);
  }, [iso, at, now]);
  return Math.max(0, Math.ceil((at - now) / 1000));
}

import { GRANULARITIES } from "../../schemas/earnings";
import { ApiError } from "../platform/errors";

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type Granularity = (typeof GRANULARITIES)[number];

export interface Period {
  /** Inclusive, epoch ms. */
  from: number;
  /** Exclusive, epoch ms. */
  to: number;
}

function invalid(path: string, detail: string, message: string): ApiError {
  return new ApiError("validation_failed", detail, { errors: [{ path, message }] });
}

/** A date (a whole UTC day: `end` takes the day after it) or an ISO date-time; undefined when malformed. */
function instant(text: string, end: boolean): number | undefined {
  if (DATE.test(text)) {
    const ms = Date.parse(`${text}T00:00:00Z`);
    return Number.isNaN(ms) ? undefined : end ? ms + DAY_MS : ms;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The period of ?from&to: `to` defaults to now, `from` to 30 days before it; from must come before
 * to, and the period may span at most `maxDays` (a clear 422 names the field otherwise).
 */
export function periodOf(query: { from?: string; to?: string }, maxDays: number, now: number): Period {
  const to = query.to === undefined ? now : instant(query.to, true);
  if (to === undefined) {
    throw invalid("to", "Give to as a date (2026-12-31) or an ISO date-time (2026-12-31T17:00:00Z).", "Not a date");
  }
  const from = query.from === undefined ? to - 30 * DAY_MS : instant(query.from, false);
  if (from === undefined) {
    throw invalid("from", "Give from as a date (2026-12-01) or an ISO date-time (2026-12-01T00:00:00Z).", "Not a date");
  }
  if (from >= to) throw invalid("from", "The period is empty: from must come before to.", "Not before to");
  if (to - from > maxDays * DAY_MS) {
    throw invalid("to", `A period covers at most ${maxDays} days. Ask for a shorter one.`, "Period too long");
  }
  return { from, to };
}

export function granularityOf(value: string | undefined): Granularity {
  if (value === undefined) return "day";
  if ((GRANULARITIES as readonly string[]).includes(value)) return value as Granularity;
  throw invalid("granularity", "Give granularity as day, week or month.", "Unknown granularity");
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The period a moment falls in (UTC): a day, the Monday of its week, or its month. */
export function periodKey(ms: number, granularity: Granularity): string {
  const d = new Date(ms);
  if (granularity === "month") return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
  if (granularity === "week") {
    const monday = new Date(ms - ((d.getUTCDay() + 6) % 7) * DAY_MS);
    return monday.toISOString().slice(0, 10);
  }
  return d.toISOString().slice(0, 10);
}

/** Every period from `from` up to `to`, in order (so days without sales show as zeros). */
export function periodKeys(period: Period, granularity: Granularity): string[] {
  const keys: string[] = [];
  for (let ms = period.from; ms < period.to; ms += DAY_MS) {
    const key = periodKey(ms, granularity);
    if (keys[keys.length - 1] !== key) keys.push(key);
  }
  const last = periodKey(period.to - 1, granularity);
  if (keys[keys.length - 1] !== last) keys.push(last);
  return keys;
}

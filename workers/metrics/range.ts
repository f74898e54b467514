import type { Granularity } from "../../schemas/metrics";
import { ApiError } from "../platform/errors";

export const STEP_MS: Record<Granularity, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };
/** The most buckets one answer holds (a day of minutes). */
export const MAX_BUCKETS = 1440;
const DEFAULT_SPAN_MS = 3_600_000;

/** A range of time cut into buckets of `stepMs`, `fromMs` on a bucket boundary, `toMs` exclusive. */
export interface MetricsRange {
  fromMs: number;
  toMs: number;
  stepMs: number;
  granularity: Granularity;
}

/** The range a query asks for: `from` rounded down to its bucket, at most MAX_BUCKETS buckets. */
export function resolveRange(
  query: { from?: string; to?: string; granularity: Granularity },
  now = Date.now(),
): MetricsRange {
  const stepMs = STEP_MS[query.granularity];
  const toMs = query.to ? Date.parse(query.to) : now;
  const rawFrom = query.from ? Date.parse(query.from) : toMs - DEFAULT_SPAN_MS;
  if (!(rawFrom < toMs)) {
    throw new ApiError("validation_failed", "from must be before to. Send an earlier from or a later to.", {
      errors: [{ path: "from", message: "Not before to" }],
    });
  }
  const fromMs = Math.floor(rawFrom / stepMs) * stepMs;
  const buckets = Math.ceil((toMs - fromMs) / stepMs);
  if (buckets > MAX_BUCKETS) {
    throw new ApiError(
      "validation_failed",
      `This range holds ${buckets} buckets at this granularity, more than the ${MAX_BUCKETS} one answer holds. Narrow from and to, or choose a coarser granularity.`,
      { errors: [{ path: "granularity", message: "Too many buckets" }] },
    );
  }
  return { fromMs, toMs, stepMs, granularity: query.granularity };
}

/** One bucket covering a whole window (what an alert rule reads). */
export function windowRange(windowMinutes: number, now = Date.now()): MetricsRange {
  const stepMs = windowMinutes * 60_000;
  return { fromMs: now - stepMs, toMs: now, stepMs, granularity: "minute" };
}

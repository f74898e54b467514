import { and, desc, eq, lt, max } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { syntheticCheckResults } from "../../d1/schema/synthetics";
import { nowMs } from "../platform/clock";
import type { Config } from "../platform/config";
import { newId } from "../platform/ids";
import { type CheckOutcome, runFlows, type SelfFetch } from "./checks";

/** OTP requests per phone are limited per hour (OTP_MAX_PER_PHONE_PER_HOUR): the sign-in check runs at most this often. */
const OTP_EVERY_MS = 15 * 60_000;
const SYNTHETIC_IP = "192.0.2.10";

export interface SyntheticRun {
  runId: string;
  results: CheckOutcome[];
}

/**
 * The cron's part: when the last run is SYNTHETIC_CHECK_INTERVAL_MINUTES old, run every flow
 * through the Worker's own fetch handler, write each result as an Analytics Engine data point
 * (index "synthetic:<check>"; blobs kind, check, status, run; doubles duration, HTTP status, ok)
 * and as a row, and sweep rows past SYNTHETIC_RESULTS_KEPT_DAYS.
 */
export async function runSyntheticChecks(
  env: Pick<Env, "DB" | "ANALYTICS">,
  config: Config,
  selfFetch: SelfFetch,
): Promise<SyntheticRun | undefined> {
  const { syntheticIntervalMs, syntheticKeptMs, syntheticPhone } = config.backup;
  if (syntheticIntervalMs <= 0) return undefined;
  const db = drizzle(env.DB);
  const now = nowMs();
  const [last] = await db.select({ at: max(syntheticCheckResults.checkedAt) }).from(syntheticCheckResults);
  // A minute's slack: cron minutes do not start on the same millisecond.
  if (last?.at && last.at + syntheticIntervalMs - 30_000 > now) return undefined;
  const [lastOtp] = await db
    .select({ at: max(syntheticCheckResults.checkedAt) })
    .from(syntheticCheckResults)
    .where(and(eq(syntheticCheckResults.check, "otp_signin"), eq(syntheticCheckResults.status, "pass")));
  const runId = newId("syn", now);
  const results = await runFlows(
    {
      call: (method, path, init = {}) => {
        const headers = new Headers(init.headers);
        headers.set("CF-Connecting-IP", SYNTHETIC_IP);
        headers.set("User-Agent", "tchat-synthetic-check");
        if (init.token) headers.set("Authorization", `Bearer ${init.token}`);
        if (init.body !== undefined) headers.set("Content-Type", "application/json");
        const body = init.body === undefined ? undefined : JSON.stringify(init.body);
        return selfFetch(new Request(`${config.apiBaseUrl}${path}`, { method, headers, body }));
      },
      devOutbox: config.devOutbox,
      phone: syntheticPhone,
      otpDue: !lastOtp?.at || lastOtp.at + OTP_EVERY_MS <= now,
    },
    () => Date.now(),
  );
  const checkedAt = nowMs();
  for (const r of results) {
    try {
      env.ANALYTICS?.writeDataPoint({
        indexes: [`synthetic:${r.check}`],
        blobs: ["synthetic", r.check, r.status, runId],
        doubles: [r.durationMs, r.httpStatus, r.status === "fail" ? 0 : 1],
      });
    } catch {
      // Metrics are best effort; the row below is what the admin route reads.
    }
  }
  await db.batch([
    db
      .insert(syntheticCheckResults)
      .values(results.map((r) => ({ id: newId("synr", checkedAt), runId, ...r, checkedAt }))),
    db.delete(syntheticCheckResults).where(lt(syntheticCheckResults.checkedAt, checkedAt - syntheticKeptMs)),
  ]);
  return { runId, results };
}

export interface LatestSyntheticResult extends CheckOutcome {
  runId: string;
  checkedAt: number;
}

/** The latest result of each check (what alert rules and the operator console read). */
export async function latestSyntheticResults(env: Pick<Env, "DB">): Promise<LatestSyntheticResult[]> {
  const db = drizzle(env.DB);
  const latest = db
    .select({ check: syntheticCheckResults.check, at: max(syntheticCheckResults.checkedAt).as("at") })
    .from(syntheticCheckResults)
    .groupBy(syntheticCheckResults.check)
    .as("latest");
  const rows = await db
    .select({ row: syntheticCheckResults })
    .from(syntheticCheckResults)
    .innerJoin(
      latest,
      and(eq(syntheticCheckResults.check, latest.check), eq(syntheticCheckResults.checkedAt, latest.at)),
    )
    .orderBy(desc(syntheticCheckResults.checkedAt), syntheticCheckResults.check);
  const seen = new Set<string>();
  return rows
    .map(({ row }) => row)
    .filter((row) => !seen.has(row.check) && seen.add(row.check) !== undefined)
    .map((row) => ({
      check: row.check as CheckOutcome["check"],
      status: row.status,
      durationMs: row.durationMs,
      httpStatus: row.httpStatus,
      detail: row.detail,
      runId: row.runId,
      checkedAt: row.checkedAt,
    }));
}

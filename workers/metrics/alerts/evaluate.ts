import { and, eq, isNotNull, notInArray, sql } from "drizzle-orm";
import { alertIncidents } from "../../../d1/schema/metrics";
import type { AlertMetric } from "../../../schemas/metrics";
import { type Database, database } from "../../platform/db";
import { newId } from "../../platform/ids";
import { windowRange } from "../range";
import { type MetricsDeps, readMetrics } from "../read";
import type { Metrics } from "../series";
import { noticeWrites, sendAlertNotices } from "./notify";
import { type AlertRule, loadRules } from "./rules";

/** A metric's value over a one-bucket window; null when it has none (a percentile without requests). */
export function metricValue(metrics: Metrics, metric: AlertMetric): number | null {
  if (metric === "queueBacklog") return metrics.queues.backlog;
  if (metric === "deadLetters") return metrics.queues.deadLetters;
  const point = metrics.series[0];
  if (!point) return null;
  return point[metric];
}

const breaches = (rule: AlertRule, value: number) =>
  rule.op === ">" ? value > rule.threshold : value < rule.threshold;

export interface AlertRun {
  opened: number;
  resolved: number;
  /** Notices sent by this run (of this run's incidents or earlier ones not sent yet). */
  notified: number;
}

/** Opens an incident and writes its notices in one batch; false when another run's is open. */
async function openIncident(db: Database, rule: AlertRule, value: number, now: number): Promise<boolean> {
  const id = newId("inc", now);
  const [opened] = await db.batch([
    db
      .insert(alertIncidents)
      .values({
        id,
        ruleId: rule.id,
        openRuleId: rule.id,
        metric: rule.metric,
        op: rule.op,
        threshold: rule.threshold,
        windowMinutes: rule.windowMinutes,
        openedValue: value,
        openedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: alertIncidents.id }),
    // The incident's id is new: it exists only if this run's insert won.
    ...noticeWrites(db, { kind: "opened", incidentId: id, rule, value, at: now }, sql`1`),
  ]);
  return opened.length > 0;
}

/** Resolves a rule's open incident and writes its notices in one batch; false when none was open. */
async function resolveIncident(db: Database, rule: AlertRule, value: number, now: number): Promise<boolean> {
  const [open] = await db
    .select({ id: alertIncidents.id })
    .from(alertIncidents)
    .where(eq(alertIncidents.openRuleId, rule.id));
  if (!open) return false;
  const [resolved] = await db.batch([
    db
      .update(alertIncidents)
      .set({ openRuleId: null, resolvedAt: now, resolvedValue: value })
      .where(and(eq(alertIncidents.id, open.id), eq(alertIncidents.openRuleId, rule.id)))
      .returning({ id: alertIncidents.id }),
    // Written once however many runs resolve it (derived ids), and only once it is resolved.
    ...noticeWrites(
      db,
      { kind: "resolved", incidentId: open.id, rule, value, at: now },
      isNotNull(alertIncidents.resolvedAt),
    ),
  ]);
  return resolved.length > 0;
}

/**
 * The cron's alert pass. Each rule's metric is read over its window; a breach with no open incident
 * opens one, a recovery resolves the open one. Opening is an insert that one open incident per rule
 * (a unique index) lets only one run win, resolving an update only one run can make; each writes its
 * notices in the same batch. Then the notices not sent yet are sent (sendAlertNotices), each once,
 * so overlapping, repeated or crashed runs notify each incident once when opened and once when resolved.
 */
export async function evaluateAlerts(
  env: Env,
  deps: MetricsDeps & { now?: number } = { fetch: (i, init) => fetch(i, init) },
): Promise<AlertRun> {
  const db = database(env);
  const now = deps.now ?? Date.now();
  const rules = await loadRules(db);
  const run: AlertRun = { opened: 0, resolved: 0, notified: 0 };
  // Incidents of rules since removed end quietly.
  await db
    .update(alertIncidents)
    .set({ openRuleId: null, resolvedAt: now })
    .where(
      and(
        isNotNull(alertIncidents.openRuleId),
        rules.length > 0
          ? notInArray(
              alertIncidents.ruleId,
              rules.map((r) => r.id),
            )
          : undefined,
      ),
    );
  const byWindow = new Map<number, Promise<Metrics>>();
  for (const rule of rules) {
    const metrics = byWindow.get(rule.windowMinutes) ?? readMetrics(env, windowRange(rule.windowMinutes, now), deps);
    byWindow.set(rule.windowMinutes, metrics);
    const value = metricValue(await metrics, rule.metric);
    if (value === null) continue;
    if (breaches(rule, value)) {
      if (await openIncident(db, rule, value, now)) run.opened++;
    } else if (await resolveIncident(db, rule, value, now)) run.resolved++;
  }
  run.notified = await sendAlertNotices(env, deps.fetch, now);
  return run;
}

import { and, eq, isNotNull, notInArray } from "drizzle-orm";
import { alertIncidents } from "../../../d1/schema/metrics";
import type { AlertMetric } from "../../../schemas/metrics";
import { database } from "../../platform/db";
import { newId } from "../../platform/ids";
import { windowRange } from "../range";
import { type MetricsDeps, readMetrics } from "../read";
import type { Metrics } from "../series";
import { notifyIncident } from "./notify";
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
}

/**
 * The cron's alert pass. Each rule's metric is read over its window; a breach with no open incident
 * opens one, a recovery resolves the open one. Opening is an insert that one open incident per rule
 * (a unique index) lets only one run win, resolving an update only one run can make: whoever wins
 * notifies, so overlapping or repeated runs notify each incident once when opened and once when resolved.
 */
export async function evaluateAlerts(
  env: Env,
  deps: MetricsDeps & { now?: number } = { fetch: (i, init) => fetch(i, init) },
): Promise<AlertRun> {
  const db = database(env);
  const now = deps.now ?? Date.now();
  const rules = await loadRules(db);
  const run: AlertRun = { opened: 0, resolved: 0 };
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
      const id = newId("inc", now);
      const opened = await db
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
        .returning({ id: alertIncidents.id });
      if (opened.length === 0) continue;
      run.opened++;
      await notifyIncident(env, deps.fetch, { kind: "opened", incidentId: id, rule, value, at: now });
    } else {
      const resolved = await db
        .update(alertIncidents)
        .set({ openRuleId: null, resolvedAt: now, resolvedValue: value })
        .where(eq(alertIncidents.openRuleId, rule.id))
        .returning({ id: alertIncidents.id });
      const incident = resolved[0];
      if (!incident) continue;
      run.resolved++;
      await notifyIncident(env, deps.fetch, { kind: "resolved", incidentId: incident.id, rule, value, at: now });
    }
  }
  return run;
}

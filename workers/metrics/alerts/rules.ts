import type { z } from "@hono/zod-openapi";
import { asc } from "drizzle-orm";
import { alertRules } from "../../../d1/schema/metrics";
import { ALERT_METRICS, type AlertMetric, type AlertRuleSchema } from "../../../schemas/metrics";
import type { Database } from "../../platform/db";
import { ApiError } from "../../platform/errors";

export type AlertRule = z.infer<typeof AlertRuleSchema> & { metric: AlertMetric };

/** Whom a rule tells: an email address, or a webhook (an https URL of a public host). */
export type NotifyTarget = { type: "email"; address: string } | { type: "webhook"; url: string };

const EMAIL =
  /^[^\s@]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
// Names that resolve to the machine itself or a private network, and any IP literal: a webhook is
// sent from our Worker, so its URL must never point it at something internal (SSRF).
const PRIVATE_NAME = /(^|\.)(localhost|local|internal|intranet|lan|home|corp|localdomain|home\.arpa)$/i;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The target a `notify` entry names, or undefined when it is neither kind (or an unsafe URL). */
export function notifyTarget(entry: string): NotifyTarget | undefined {
  if (!entry.includes("://")) return EMAIL.test(entry) ? { type: "email", address: entry } : undefined;
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (url.protocol !== "https:" || url.username || url.password || (url.port && url.port !== "443")) return undefined;
  if (!host.includes(".") || IPV4.test(host) || host.startsWith("[") || PRIVATE_NAME.test(host)) return undefined;
  // A hostname of digits and dots or hex only (0x7f.1, 2130706433) is an IP address in disguise.
  if (/^[0-9a-fx.]+$/i.test(host)) return undefined;
  return { type: "webhook", url: url.toString() };
}

/** Checks a whole rule set: known metrics, unique ids, every notify entry an email or a safe https URL. */
export function validateRules(rules: readonly z.infer<typeof AlertRuleSchema>[]): AlertRule[] {
  const seen = new Set<string>();
  rules.forEach((rule, i) => {
    if (seen.has(rule.id)) {
      throw new ApiError("validation_failed", `Two alert rules share the id ${rule.id}. Give each rule its own id.`, {
        errors: [{ path: `rules.${i}.id`, message: "Duplicate id" }],
      });
    }
    seen.add(rule.id);
    if (!(ALERT_METRICS as readonly string[]).includes(rule.metric)) {
      throw new ApiError(
        "validation_failed",
        `Alert rule ${rule.id} watches ${rule.metric}, which is not a metric. Use one of ${ALERT_METRICS.join(", ")}.`,
        { errors: [{ path: `rules.${i}.metric`, message: "Unknown metric" }] },
      );
    }
    rule.notify.forEach((entry, j) => {
      if (notifyTarget(entry)) return;
      throw new ApiError(
        "validation_failed",
        `Alert rule ${rule.id} notifies ${entry.slice(0, 200)}, which is neither an email address nor an https URL of a public host. Use an email address or an https:// webhook URL.`,
        { errors: [{ path: `rules.${i}.notify.${j}`, message: "Not an email address or a public https URL" }] },
      );
    });
  });
  return rules as AlertRule[];
}

/** Replaces every rule (one batch: a reader sees the old set or the new one). */
export async function saveRules(db: Database, rules: readonly AlertRule[], now = Date.now()): Promise<void> {
  await db.batch([
    db.delete(alertRules),
    ...rules.map((r, position) =>
      db.insert(alertRules).values({
        id: r.id,
        position,
        metric: r.metric,
        op: r.op,
        threshold: r.threshold,
        windowMinutes: r.windowMinutes,
        notify: JSON.stringify(r.notify),
        updatedAt: now,
      }),
    ),
  ]);
}

export async function loadRules(db: Database): Promise<AlertRule[]> {
  const rows = await db.select().from(alertRules).orderBy(asc(alertRules.position));
  return rows.map((r) => ({
    id: r.id,
    metric: r.metric as AlertMetric,
    op: r.op,
    threshold: r.threshold,
    windowMinutes: r.windowMinutes,
    notify: JSON.parse(r.notify) as string[],
  }));
}

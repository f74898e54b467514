import { messageWrites } from "../../messaging";
import { database } from "../../platform/db";
import { logEvent } from "../../platform/log";
import { type AlertRule, notifyTarget } from "./rules";

export interface IncidentNotice {
  kind: "opened" | "resolved";
  incidentId: string;
  rule: AlertRule;
  value: number;
  at: number;
}

const WEBHOOK_TIMEOUT_MS = 5_000;

function wording(n: IncidentNotice): { subject: string; body: string } {
  const { rule } = n;
  const condition = `${rule.metric} ${rule.op} ${rule.threshold} over ${rule.windowMinutes} min`;
  return n.kind === "opened"
    ? {
        subject: `[Tchat alert] ${rule.id}: ${rule.metric} is ${n.value}`,
        body: `Incident ${n.incidentId} opened at ${new Date(n.at).toISOString()}: ${condition} (now ${n.value}).`,
      }
    : {
        subject: `[Tchat resolved] ${rule.id}: ${rule.metric} is ${n.value}`,
        body: `Incident ${n.incidentId} resolved at ${new Date(n.at).toISOString()}: ${rule.metric} is back to ${n.value} (rule: ${condition}).`,
      };
}

/**
 * Tells a rule's targets about an incident, once (the caller won the write that opened or resolved
 * it): emails through messaging (tracked, sent by its consumer through the email provider, or the
 * dev outbox locally), and one JSON POST per webhook, no redirects followed, never retried.
 */
export async function notifyIncident(env: Env, fetchFn: typeof fetch, notice: IncidentNotice): Promise<void> {
  const db = database(env);
  const { subject, body } = wording(notice);
  const targets = notice.rule.notify.map(notifyTarget).filter((t) => t !== undefined);
  const writes = [];
  for (const t of targets) {
    if (t.type !== "email") continue;
    const request = {
      channel: "email",
      to: t.address,
      locale: "en",
      subject,
      body,
      category: "transactional",
    } as const;
    writes.push(...(await messageWrites(env, db, request, { type: "system" })).writes);
  }
  const [first, ...rest] = writes;
  if (first) await db.batch([first, ...rest]);
  const payload = JSON.stringify({
    type: `alert.${notice.kind}`,
    incidentId: notice.incidentId,
    ruleId: notice.rule.id,
    metric: notice.rule.metric,
    op: notice.rule.op,
    threshold: notice.rule.threshold,
    windowMinutes: notice.rule.windowMinutes,
    value: notice.value,
    at: new Date(notice.at).toISOString(),
    text: body,
  });
  await Promise.all(
    targets.map(async (t) => {
      if (t.type !== "webhook") return;
      try {
        const res = await fetchFn(t.url, {
          method: "POST",
          headers: { "Content-Type": "application/json", "User-Agent": "tchat-alerts/1" },
          body: payload,
          redirect: "manual",
          signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        });
        if (!res.ok) logEvent("warn", "alert_webhook_refused", { incidentId: notice.incidentId, status: res.status });
      } catch (err) {
        logEvent("warn", "alert_webhook_failed", { incidentId: notice.incidentId, error: String(err).slice(0, 200) });
      }
    }),
  );
}

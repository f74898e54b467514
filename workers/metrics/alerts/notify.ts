import { and, asc, eq, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { alertIncidents, alertNotices } from "../../../d1/schema/metrics";
import { messageWrites } from "../../messaging";
import { hmacSha256Hex } from "../../platform/crypto";
import { type Database, database } from "../../platform/db";
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
/** How long a claimed notice is left to its sender before another run may send it. */
const CLAIM_MS = 5 * 60_000;
/** Sends tried per notice (one a cron minute) before it is given up and logged. */
const MAX_ATTEMPTS = 60;
const BATCH = 50;

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
 * The notices of an incident's opening or resolving, one per target of its rule, as inserts for the
 * batch that makes that change: each is written only if `guard` matches the incident when the batch
 * runs (so only the run whose change happened writes them), and its id is derived from the incident,
 * the kind and the target's place (so two runs that both made it write each notice once).
 */
export function noticeWrites(db: Database, notice: IncidentNotice, guard: SQL) {
  const { subject, body } = wording(notice);
  return notice.rule.notify.flatMap((entry, i) => {
    if (!notifyTarget(entry)) return [];
    const id = `${notice.incidentId}.${notice.kind}.${i}`;
    const payload = JSON.stringify({
      id,
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
    const row = db
      .select({
        id: sql<string>`${id}`.as("id"),
        incidentId: sql<string>`${notice.incidentId}`.as("incident_id"),
        kind: sql<"opened" | "resolved">`${notice.kind}`.as("kind"),
        target: sql<string>`${entry}`.as("target"),
        subject: sql<string>`${subject}`.as("subject"),
        body: sql<string>`${body}`.as("body"),
        payload: sql<string>`${payload}`.as("payload"),
        createdAt: sql<number>`${notice.at}`.as("created_at"),
        claimedUntil: sql<number | null>`NULL`.as("claimed_until"),
        attempts: sql<number>`0`.as("attempts"),
        sentAt: sql<number | null>`NULL`.as("sent_at"),
        lastError: sql<string | null>`NULL`.as("last_error"),
      })
      .from(alertIncidents)
      .where(and(eq(alertIncidents.id, notice.incidentId), guard));
    return [db.insert(alertNotices).select(row).onConflictDoNothing()];
  });
}

/**
 * The signature of a webhook body: `Tchat-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 under
 * ALERT_WEBHOOK_SECRET of "<t>.<body>">`.
 */
export async function alertSignature(secret: string, body: string, at: number): Promise<string> {
  const t = Math.floor(at / 1000);
  return `t=${t},v1=${await hmacSha256Hex(secret, `${t}.${body}`)}`;
}

type Notice = typeof alertNotices.$inferSelect;

async function postWebhook(
  env: Env,
  fetchFn: typeof fetch,
  n: Notice,
  url: string,
  now: number,
): Promise<string | null> {
  try {
    const res = await fetchFn(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "tchat-alerts/1",
        "Tchat-Alert-Id": n.id,
        "Tchat-Signature": await alertSignature(env.ALERT_WEBHOOK_SECRET, n.payload, now),
      },
      body: n.payload,
      redirect: "manual",
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    return res.ok ? null : `answered ${res.status}`;
  } catch (err) {
    return String(err).slice(0, 200);
  }
}

async function sendOne(env: Env, db: Database, fetchFn: typeof fetch, n: Notice, now: number): Promise<boolean> {
  const target = notifyTarget(n.target);
  const sent = db.update(alertNotices).set({ sentAt: now, claimedUntil: null }).where(eq(alertNotices.id, n.id));
  if (target?.type === "email") {
    const request = {
      channel: "email",
      to: target.address,
      locale: "en",
      subject: n.subject,
      body: n.body,
      category: "transactional",
    } as const;
    // The tracked message (sent and retried by messaging's consumer) commits with `sent_at`: once.
    const { writes } = await messageWrites(env, db, request, { type: "system" });
    await db.batch([sent, ...writes]);
    return true;
  }
  const error = target ? await postWebhook(env, fetchFn, n, target.url, now) : "not an email address or a safe URL";
  if (error === null) {
    await sent;
    return true;
  }
  logEvent("warn", "alert_notice_failed", { noticeId: n.id, attempt: n.attempts + 1, error });
  await db
    .update(alertNotices)
    .set({ claimedUntil: null, lastError: error, ...(n.attempts + 1 >= MAX_ATTEMPTS ? { sentAt: -now } : {}) })
    .where(eq(alertNotices.id, n.id));
  return false;
}

/**
 * Sends the alert notices not sent yet (the cron's pass, after evaluating): each is claimed first by
 * an UPDATE only one run can make, so racing runs send it once; a failed webhook is released and
 * tried again on the next run, up to MAX_ATTEMPTS (then `sent_at` is stored negative: given up).
 */
export async function sendAlertNotices(env: Env, fetchFn: typeof fetch, now: number): Promise<number> {
  const db = database(env);
  const free = and(
    isNull(alertNotices.sentAt),
    or(isNull(alertNotices.claimedUntil), lt(alertNotices.claimedUntil, now)),
  );
  const due = await db.select().from(alertNotices).where(free).orderBy(asc(alertNotices.createdAt)).limit(BATCH);
  let sent = 0;
  for (const n of due) {
    const claimed = await db
      .update(alertNotices)
      .set({ claimedUntil: now + CLAIM_MS, attempts: sql`${alertNotices.attempts} + 1` })
      .where(and(eq(alertNotices.id, n.id), free))
      .returning({ id: alertNotices.id });
    if (claimed.length === 0) continue;
    if (await sendOne(env, db, fetchFn, n, now)) sent++;
  }
  return sent;
}

import { and, eq, isNotNull, lt } from "drizzle-orm";
import { idempotencyKeys, outboxEvents, processedEvents } from "../d1/schema/platform";
import { purgeOldNotifications } from "./notifications";
import { expireOverdueOrders } from "./orders";
import { retryFailedRefunds } from "./payments";
import { readConfig } from "./platform/config";
import { database, nowMs } from "./platform/db";
import { logEvent } from "./platform/log";
import { drainOutbox } from "./platform/outbox";
import { reconcileDeliveries } from "./platform/redelivery";
import { consumersFor } from "./queue";

const DAY_MS = 86_400_000;
/** Longer than any queue keeps redelivering a message, so a late duplicate is still recognised. */
const PROCESSED_EVENTS_KEPT_MS = 14 * DAY_MS;
const SETTLED_OUTBOX_KEPT_MS = 7 * DAY_MS;

/**
 * The minute cron: expire overdue orders, retry refunds, publish again the events no consumer
 * applied in time, publish whatever the outbox holds, then sweep expired bookkeeping and old
 * notifications.
 */
export async function runScheduled(env: Env): Promise<void> {
  const config = readConfig(env);
  const db = database(env);
  const expired = await expireOverdueOrders(env);
  const refunded = await retryFailedRefunds(env);
  // Before the drain, so the events it hands back are published in this same run.
  const reconciled = await reconcileDeliveries(env, config, consumersFor);
  const drained = await drainOutbox(env, config);
  const now = nowMs();
  await db.batch([
    db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now)),
    db
      .delete(processedEvents)
      .where(and(eq(processedEvents.status, "done"), lt(processedEvents.updatedAt, now - PROCESSED_EVENTS_KEPT_MS))),
    // Only settled events: one still waiting for a consumer is the reconciler's to publish again.
    db
      .delete(outboxEvents)
      .where(and(isNotNull(outboxEvents.settledAt), lt(outboxEvents.settledAt, now - SETTLED_OUTBOX_KEPT_MS))),
  ]);
  const purged = await purgeOldNotifications(env, now);
  logEvent("info", "scheduled_run", {
    expired,
    refunded,
    settled: reconciled.settled,
    republished: reconciled.republished,
    deadLettered: reconciled.deadLettered,
    published: drained.published,
    failed: drained.failed,
    purgedNotifications: purged.notifications,
  });
}

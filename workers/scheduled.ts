import { and, eq, isNotNull, lt } from "drizzle-orm";
import { idempotencyKeys, outboxEvents, processedEvents } from "../d1/schema/platform";
import { runBackups } from "./backup";
import { checkStaleDisbursements } from "./disbursements";
import { resumePendingPayouts } from "./earnings";
import { refreshFxRates } from "./fx";
import { sealAuditChain } from "./identity";
import { placeWaitingPickups, pollSilentShipments } from "./logistics";
import { sweepOrphanUploads } from "./media";
import { evaluateAlerts, recordQueueGauges } from "./metrics";
import { purgeOldNotifications } from "./notifications";
import { expireOverdueOrders } from "./orders";
import { checkStalePayments, codCollected, codFailed, orderMayExpire, retryFailedRefunds } from "./payments";
import { readConfig } from "./platform/config";
import { database, nowMs } from "./platform/db";
import { logEvent } from "./platform/log";
import { drainOutbox } from "./platform/outbox";
import { reconcileDeliveries } from "./platform/redelivery";
import { continuePiiRotation, runAccountErasures } from "./privacy";
import { consumersFor } from "./queue";
import { completeOrdersPastReturnWindow, resumeReceivedReturns } from "./returns";
import { runSyntheticChecks, type SelfFetch } from "./synthetics";

const DAY_MS = 86_400_000;
/** Longer than any queue keeps redelivering a message, so a late duplicate is still recognised. */
const PROCESSED_EVENTS_KEPT_MS = 14 * DAY_MS;
const SETTLED_OUTBOX_KEPT_MS = 7 * DAY_MS;

/**
 * The minute cron: expire unpaid orders (each confirmed unpaid with its gateway first), ask the
 * gateways about payments pending too long, retry refunds, publish again the events no consumer
 * applied in time, publish whatever the outbox holds, sweep expired bookkeeping and old
 * notifications and uploads whose process died before their record, then go on with unfinished
 * account erasures and key rotations; then export a few pages of the D1 backup and, when due, run
 * the synthetic checks through `selfFetch` (the Worker's own fetch handler, handed in by index.ts).
 */
export async function runScheduled(env: Env, selfFetch?: SelfFetch): Promise<void> {
  const config = readConfig(env);
  const db = database(env);
  const expired = await expireOverdueOrders(env, (order) => orderMayExpire(env, order));
  const paidLate = await checkStalePayments(env);
  const refunded = await retryFailedRefunds(env);
  // Received returns whose refund did not land are resumed; delivered orders past the return window complete.
  const returnsRefunded = await resumeReceivedReturns(env);
  const completed = await completeOrdersPastReturnWindow(env);
  // Payouts whose provider webhook never came are asked about (their outcome takes the webhook's path).
  const disbursed = await checkStaleDisbursements(env);
  // Shop payouts whose sending failed (provider or wallet unreachable) are sent again, same id.
  const payoutsResumed = await resumePendingPayouts(env);
  // Shipments whose courier webhooks went silent are polled (their events take the webhook's path).
  const tracking = await pollSilentShipments(env, config, { collected: codCollected, failed: codFailed });
  // Courier pickups waiting for the courier to take them (another shop's Flash pickup was open) are asked again.
  const pickups = await placeWaitingPickups(env, config);
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
  const orphans = await sweepOrphanUploads(env, now);
  // Account erasures left unfinished (a crash, orders still on their way) and a started key rotation go on.
  const erased = await runAccountErasures(env);
  const rotating = await continuePiiRotation(env);
  // FX rates when due (a provider failure keeps the previous rates and is logged), and old quotes.
  const fx = await refreshFxRates(env);
  // The audit rows written since the last run join the hash chain (the first run seals the old ones).
  const auditSealed = await sealAuditChain(db);
  // D1 exported to R2 a few pages a minute (workers/backup); the main flows checked through the Worker itself.
  const backup = await runBackups(env, config.backup);
  const synthetic = selfFetch ? await runSyntheticChecks(env, config, selfFetch) : undefined;
  // Queue gauges as data points, then alert rules over the metrics (one notification per incident).
  const [queues, alerts] = [await recordQueueGauges(env), await evaluateAlerts(env)];
  logEvent("info", "scheduled_run", {
    expired,
    paidLate,
    refunded,
    returnsRefunded,
    completed,
    disbursed,
    payoutsResumed,
    shipmentsPolled: tracking.polled,
    pickupsPlaced: pickups.placed,
    settled: reconciled.settled,
    republished: reconciled.republished,
    deadLettered: reconciled.deadLettered,
    published: drained.published,
    failed: drained.failed,
    purgedNotifications: purged.notifications,
    orphanUploadsDeleted: orphans.deleted,
    erasuresCompleted: erased,
    piiRotation: rotating,
    fxRatesRefreshed: fx.refreshed,
    fxQuotesDeleted: fx.quotesDeleted,
    auditSealed,
    backup,
    syntheticFailed: synthetic?.results.filter((r) => r.status === "fail").map((r) => r.check),
    queueBacklog: queues.backlog,
    alertsOpened: alerts.opened,
    alertsResolved: alerts.resolved,
  });
}

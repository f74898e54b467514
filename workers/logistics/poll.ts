import { eq } from "drizzle-orm";
import { shipments } from "../../d1/schema/logistics";
import { orderById } from "../orders";
import type { Config } from "../platform/config";
import { database, nowMs } from "../platform/db";
import { logEvent } from "../platform/log";
import { type CourierSecrets, courierFor } from "./couriers";
import { silentShipments } from "./queries";
import { applyUpdates, type CodSettlement } from "./tracking";

/** Shipments polled per cron run: enough for a minute's cron, few enough to stay well within its limits. */
const POLL_BATCH = 20;

/**
 * The cron's safety net for lost webhooks: a live shipment whose courier has said nothing for
 * TRACKING_POLL_AFTER_SECONDS is asked for its tracking events, which go through the same path as
 * a webhook's (applied once, in order). Asked or not, its clock restarts, so a courier that does
 * not answer is asked again only after the same wait.
 */
export async function pollSilentShipments(
  env: Env & CourierSecrets,
  config: Config,
  cod: CodSettlement,
  fetchFn?: typeof fetch,
): Promise<{ polled: number }> {
  const db = database(env);
  const now = nowMs();
  const due = await silentShipments(db, now - config.logistics.pollAfterMs, POLL_BATCH);
  for (const shipment of due) {
    await db.update(shipments).set({ lastHeardAt: now }).where(eq(shipments.id, shipment.id));
    try {
      const order = await orderById(db, shipment.orderId);
      const courier = courierFor(
        { config, secrets: env, ...(fetchFn ? { fetchFn } : {}) },
        shipment.courier,
        order?.shippingCountry ?? "",
      );
      await applyUpdates(env, shipment.courier, await courier.track(shipment.trackingNumber), cod);
    } catch (err) {
      logEvent("warn", "tracking_poll_failed", { shipmentId: shipment.id, error: String(err) });
    }
  }
  return { polled: due.length };
}

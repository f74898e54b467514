import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { pollSilentShipments } from "../../workers/logistics";
import { codCollected, codFailed } from "../../workers/payments";
import { readConfig } from "../../workers/platform/config";
import { useFreshStorage } from "../support/fresh-storage";
import { json, recordingFetch } from "../support/recording-fetch";
import { book, getOrder, orderFor, tracking } from "./helpers";

const cod = { collected: codCollected, failed: codFailed };

// The cron polls every silent parcel in D1: other files' parcels (and their couriers) stay out of it.
useFreshStorage();

describe("the cron polls couriers whose webhooks went silent", () => {
  it("asks the courier for a silent parcel's events and applies them through the webhook's path", async () => {
    const { seller, buyer, order } = await orderFor("SG");
    const shipment = await book(seller.token, order.id);
    // Made a Ninja Van parcel whose courier has said nothing for a day (booked through the sandbox to stay offline).
    const tn = `NVSG${crypto.randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`;
    await env.DB.prepare(
      "UPDATE shipments SET courier = 'ninjavan', tracking_number = ?, last_heard_at = ? WHERE id = ?",
    )
      .bind(tn, Date.now() - 86_400_000, shipment.id)
      .run();
    const picked = new Date(Date.now() + 60_000).toISOString();
    const delivered = new Date(Date.now() + 3_600_000).toISOString();
    const { fetchFn, calls } = recordingFetch(
      json(200, { access_token: "poll-token", expires_in: 3600 }),
      json(200, {
        tracking_number: tn,
        is_full_history_available: true,
        events: [
          { id: "p1", status: "Picked Up, In Transit To Origin Hub", timestamp: picked },
          { id: "p2", status: "Delivered, Received by Customer", timestamp: delivered },
        ],
      }),
    );
    // A client id of its own: Ninja Van tokens are cached per isolate by base URL, client and country,
    // and other files (which share this runtime) mint and cache theirs for the development client.
    const secrets = { ...env, NINJAVAN_CLIENT_ID: `poll-${crypto.randomUUID()}` };
    const config = readConfig(secrets);
    const { polled } = await pollSilentShipments(secrets, config, cod, fetchFn);
    expect(polled).toBeGreaterThanOrEqual(1);
    expect(calls.some((c) => c.url.endsWith(`/sg/1.0/orders/tracking-events/${tn}`))).toBe(true);
    const seen = await tracking(buyer, order.id);
    expect(seen.events.map((e) => e.status)).toEqual(["booked", "picked_up", "delivered"]);
    expect((await getOrder(buyer, order.id)).status).toBe("delivered");

    // Heard from just now: the next run leaves it alone.
    const again = recordingFetch();
    await pollSilentShipments(secrets, config, cod, again.fetchFn);
    expect(again.calls.filter((c) => c.url.includes(tn))).toHaveLength(0);
  });
});

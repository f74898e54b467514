import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { pollSilentShipments } from "../../workers/logistics";
import { codCollected, codFailed } from "../../workers/payments";
import { readConfig } from "../../workers/platform/config";
import { ApiError } from "../../workers/platform/errors";
import { useFreshStorage } from "../support/fresh-storage";
import { json, recordingFetch, rejection } from "../support/recording-fetch";
import { API, courier, detail, ok, SECRET } from "./ghn-fixtures";
import { book, call, DELIVERED_JOURNEY, expectProblem, getOrder, orderFor, tracking } from "./helpers";

// GHN's callbacks are not signed: one is believed only when its URL carries this environment's
// GHN_WEBHOOK_SECRET, and then only as "read this order again" (POST /v2/shipping-order/detail).

// The cron polls every silent parcel in D1: other files' parcels (and their couriers) stay out of it.
useFreshStorage();

const HOOK = "https://tchat.example/api/v1/shipping/webhook/ghn";
const callback = (status: string, time: string, orderCode = "GAN6UKB7") =>
  JSON.stringify({
    OrderCode: orderCode,
    Status: status,
    Type: "switch_status",
    Time: time,
    ShopID: 885,
    CODAmount: 0,
  });

describe("GHN callbacks", () => {
  it("a callback with the secret is answered with the order's events as GHN reports them, not as the callback says", async () => {
    const { fetchFn, calls } = recordingFetch(ok(detail("picked", "2026-12-08T02:00:00Z")));
    const ghn = courier(fetchFn);
    // The body claims delivery; GHN's own record says picked up: only what GHN says is applied.
    const rawBody = callback("delivered", "2026-12-09T05:00:00Z");
    const updates = await ghn.verifyWebhook({ rawBody, headers: new Headers(), url: `${HOOK}?secret=${SECRET}` });
    expect(updates?.map((u) => [u.status, u.eventKey, u.detail])).toEqual([
      ["picked_up", "ghn:picked@2026-12-08T02:00:00.000Z", "picked_up_by_courier"],
    ]);
    expect(`${calls[0].method} ${calls[0].url}`).toBe(`POST ${API}/v2/shipping-order/detail`);
    expect(JSON.parse(calls[0].body)).toEqual({ order_code: "GAN6UKB7" });
    expect(calls[0].headers.get("ShopId")).toBe("885");
  });

  it("a forged callback (no secret, another secret, the secret elsewhere) is refused before GHN is asked", async () => {
    const { fetchFn, calls } = recordingFetch();
    const ghn = courier(fetchFn);
    const rawBody = callback("delivered", "2026-12-09T05:00:00Z");
    const refused = [
      { url: HOOK },
      { url: `${HOOK}?secret=${SECRET.slice(0, -1)}x` },
      { url: `${HOOK}?secret=` },
      { url: `${HOOK}?token=${SECRET}` },
      {},
    ];
    for (const where of refused) {
      expect(await ghn.verifyWebhook({ rawBody, headers: new Headers({ Token: SECRET }), ...where })).toBeNull();
    }
    expect(calls).toHaveLength(0);
  });

  it("duplicate and late callbacks give the same events (same keys): applied once, nothing moves back", async () => {
    const { fetchFn } = recordingFetch(
      ok(detail("delivered", "2026-12-09T05:00:00Z")),
      ok(detail("delivered", "2026-12-09T05:00:00Z")),
      // The "picked" callback arriving last: GHN's record is the same whole history.
      ok(detail("delivered", "2026-12-09T05:00:00Z")),
    );
    const ghn = courier(fetchFn);
    const url = `${HOOK}?secret=${SECRET}`;
    const delivered = callback("delivered", "2026-12-09T05:00:00Z");
    const first = await ghn.verifyWebhook({ rawBody: delivered, headers: new Headers(), url });
    const again = await ghn.verifyWebhook({ rawBody: delivered, headers: new Headers(), url });
    const late = await ghn.verifyWebhook({
      rawBody: callback("picked", "2026-12-08T02:00:00Z"),
      headers: new Headers(),
      url,
    });
    expect(again).toEqual(first);
    expect(late).toEqual(first);
    expect(first?.map((u) => u.status)).toEqual([
      "picked_up",
      "in_transit",
      "out_for_delivery",
      "out_for_delivery",
      "delivered",
    ]);
    expect(first?.map((u) => u.detail)).toEqual([
      "picked_up_by_courier",
      "at_hub",
      "out_for_delivery",
      "delivery_attempt_failed",
      "delivered_to_recipient",
    ]);
  });

  it("an order GHN does not know is acknowledged with nothing; GHN down is 503 so GHN calls again", async () => {
    const url = `${HOOK}?secret=${SECRET}`;
    const unknown = recordingFetch(json(400, { code: 400, message: "Đơn hàng không tồn tại", data: null }));
    expect(
      await courier(unknown.fetchFn).verifyWebhook({
        rawBody: callback("delivered", "x", "NOPE"),
        headers: new Headers(),
        url,
      }),
    ).toEqual([]);
    const down = recordingFetch(json(502, { code: 502, message: "Bad gateway" }));
    const err = await rejection(
      courier(down.fetchFn).verifyWebhook({ rawBody: callback("delivered", "x"), headers: new Headers(), url }),
      ApiError,
    );
    expect(err.code).toBe("service_unavailable");
    expect(await courier(down.fetchFn).verifyWebhook({ rawBody: "not json", headers: new Headers(), url })).toBeNull();
  });

  it("POST /shipping/webhook/ghn without this environment's secret is 401 and changes nothing", async () => {
    const { seller, buyer, order } = await orderFor("VN");
    const shipment = await book(seller.token, order.id);
    await env.DB.prepare("UPDATE shipments SET courier = 'ghn', tracking_number = 'GHNFORGED1' WHERE id = ?")
      .bind(shipment.id)
      .run();
    const raw = callback("delivered", new Date().toISOString(), "GHNFORGED1");
    for (const query of ["", "?secret=guessed-secret", `?secret=${env.GHN_WEBHOOK_SECRET}x`]) {
      const res = await call("POST", `/api/v1/shipping/webhook/ghn${query}`, {
        raw,
        headers: new Headers({ "Content-Type": "application/json" }),
      });
      await expectProblem(res, 401, "unauthorized");
    }
    expect((await tracking(buyer, order.id)).events.map((e) => e.status)).toEqual(["booked"]);
    expect((await getOrder(buyer, order.id)).status).toBe("shipped");
  });

  it("GHN's events reach the timeline once and in order, however often and late they are read (cron poll)", async () => {
    const { seller, buyer, order } = await orderFor("VN");
    const shipment = await book(seller.token, order.id);
    const code = `GHN${crypto.randomUUID().replace(/-/g, "").slice(0, 8).toUpperCase()}`;
    const silent = () =>
      env.DB.prepare("UPDATE shipments SET courier = 'ghn', tracking_number = ?, last_heard_at = ? WHERE id = ?")
        .bind(code, Date.now() - 86_400_000, shipment.id)
        .run();
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    const log = [
      { status: "ready_to_pick", updated_date: at(1) },
      { status: "picked", updated_date: at(5) },
      { status: "storing", updated_date: at(10) },
      { status: "delivering", updated_date: at(20) },
      { status: "delivered", updated_date: at(40) },
    ];
    const answer = (upTo: number) =>
      ok({
        order_code: code,
        status: log[upTo].status,
        updated_date: log[upTo].updated_date,
        log: log.slice(0, upTo + 1),
      });
    const secrets = env;
    const config = readConfig(secrets);
    const cod = { collected: codCollected, failed: codFailed };
    const poll = async (upTo: number) => {
      await silent();
      const { fetchFn, calls } = recordingFetch(answer(upTo));
      await pollSilentShipments(secrets, config, cod, fetchFn);
      expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
        `POST ${config.logistics.ghnBaseUrl}/shiip/public-api/v2/shipping-order/detail`,
      ]);
    };

    await poll(2);
    const early = ["booked", "picked_up", "in_transit"];
    expect((await tracking(buyer, order.id)).events.map((e) => e.status)).toEqual(early);
    // Read again (a duplicate), then an older answer (late): nothing new, nothing moves back.
    await poll(2);
    await poll(1);
    const meanwhile = await tracking(buyer, order.id);
    expect(meanwhile.events.map((e) => e.status)).toEqual(early);
    expect(meanwhile.status).toBe("in_transit");
    // Delivered: the parcel is final, and the order follows it.
    await poll(4);
    const seen = await tracking(buyer, order.id);
    expect(seen.status).toBe("delivered");
    expect(seen.events.map((e) => e.status)).toEqual(DELIVERED_JOURNEY);
    // Our booking sentence has no detail; each GHN step carries its own beside the English sentence.
    expect(seen.events.map((e) => e.detail)).toEqual([
      undefined,
      "picked_up_by_courier",
      "at_hub",
      "out_for_delivery",
      "delivered_to_recipient",
    ]);
    expect(seen.events[2]).toMatchObject({ description: "At a GHN hub.", detail: "at_hub" });
    expect((await getOrder(buyer, order.id)).status).toBe("delivered");
  });
});

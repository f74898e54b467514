import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { FLASH_WEBHOOK_ACK, pollSilentShipments } from "../../workers/logistics";
import { codCollected, codFailed } from "../../workers/payments";
import { readConfig } from "../../workers/platform/config";
import { ApiError } from "../../workers/platform/errors";
import { useFreshStorage } from "../support/fresh-storage";
import { json, recordingFetch, rejection } from "../support/recording-fetch";
import { API, courier, MCH_ID, ok, refused, routes, SECRET, sha256Upper, statusWebhook } from "./flash-fixtures";
import {
  book,
  call,
  DELIVERED_JOURNEY,
  deliverCourier,
  expectConserved,
  expectJson,
  expectProblem,
  getOrder,
  orderFor,
  type Payment,
  paymentRow,
  postPayment,
  timeline,
  tracking,
} from "./helpers";

// Flash signs a webhook over mchId and nonceStr only: one with our mchId and a matching sign is
// believed to come from Flash, and then only as "read this parcel's routes again".

// The cron polls every silent parcel in D1: other files' parcels (and their couriers) stay out of it.
useFreshStorage();

const PNO = "TH014276DR9A";

describe("Flash Express webhooks", () => {
  it("a signed webhook is answered with the parcel's routes as Flash reports them, not as the webhook says", async () => {
    const start = 1_765_000_000;
    const { fetchFn, calls } = recordingFetch(ok(routes(PNO, 1, start)), ok(routes(PNO, 1, start)));
    const flash = courier(fetchFn);
    // The body claims delivery; Flash's own routes say picked up: only what Flash says is applied.
    for (const asJson of [false, true]) {
      const updates = await flash.verifyWebhook(await statusWebhook(PNO, { claim: "5", asJson }));
      expect(updates?.map((u) => [u.status, u.eventKey, u.detail])).toEqual([
        ["picked_up", `flash:RECEIVED@${start}`, "picked_up_by_courier"],
      ]);
    }
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `POST ${API}/open/v1/orders/${PNO}/routes`,
      `POST ${API}/open/v1/orders/${PNO}/routes`,
    ]);
  });

  it("a forged webhook (no sign, a wrong key, another merchant, a sign over other fields) is refused before Flash is asked", async () => {
    const { fetchFn, calls } = recordingFetch();
    const flash = courier(fetchFn);
    const signed = await statusWebhook(PNO);
    const fields = Object.fromEntries(new URLSearchParams(signed.rawBody));
    const forged = [
      new URLSearchParams({ ...fields, sign: "" }).toString(),
      new URLSearchParams({ mchId: fields.mchId, nonceStr: fields.nonceStr, data: fields.data }).toString(),
      (await statusWebhook(PNO, { secret: "guessed-secret" })).rawBody,
      (await statusWebhook(PNO, { mchId: "AA9999" })).rawBody,
      // Signed by the right key but over the data too: not what Flash signs.
      new URLSearchParams({
        ...fields,
        sign: await sha256Upper(`data=${fields.data}&mchId=${MCH_ID}&nonceStr=${fields.nonceStr}&key=${SECRET}`),
      }).toString(),
      // Another nonceStr than the one signed (a replayed sign on a new message).
      new URLSearchParams({ ...fields, nonceStr: "1680747999" }).toString(),
      "not a webhook",
      "{broken json",
    ];
    for (const rawBody of forged) expect(await flash.verifyWebhook({ rawBody, headers: new Headers() })).toBeNull();
    expect(await courier(fetchFn, { secretKey: "" }).verifyWebhook(signed)).toBeNull();
    expect(calls).toHaveLength(0);
  });

  it("a parcel Flash does not know is acknowledged with nothing; Flash down is 503 so Flash sends again", async () => {
    const unknown = recordingFetch(refused(1006, "order not found"));
    expect(await courier(unknown.fetchFn).verifyWebhook(await statusWebhook("TH0000NOPE"))).toEqual([]);
    const down = recordingFetch(json(502, { message: "Bad gateway" }));
    const err = await rejection(courier(down.fetchFn).verifyWebhook(await statusWebhook(PNO)), ApiError);
    expect(err.code).toBe("service_unavailable");
  });

  it("POST /shipping/webhook/flash forged is 401 problem+json and changes nothing; a signed one is acknowledged Flash's way", async () => {
    const { seller, buyer, order } = await orderFor("TH");
    const shipment = await book(seller.token, order.id);
    await env.DB.prepare("UPDATE shipments SET courier = 'flash', tracking_number = 'THFORGED01' WHERE id = ?")
      .bind(shipment.id)
      .run();
    for (const secret of ["guessed-secret", `${env.FLASH_SECRET_KEY}x`]) {
      const forged = await statusWebhook("THFORGED01", { secret, mchId: env.FLASH_MCH_ID });
      await expectProblem(await deliverCourier("flash", forged), 401, "unauthorized");
    }
    const unsigned = new URLSearchParams({ mchId: env.FLASH_MCH_ID, data: JSON.stringify({ pno: "THFORGED01" }) });
    await expectProblem(
      await call("POST", "/api/v1/shipping/webhook/flash", {
        raw: unsigned.toString(),
        headers: new Headers({ "Content-Type": "application/x-www-form-urlencoded" }),
      }),
      401,
      "unauthorized",
    );
    expect((await tracking(buyer, order.id)).events.map((e) => e.status)).toEqual(["booked"]);
    expect((await getOrder(buyer, order.id)).status).toBe("shipped");

    // A signed webhook that names no parcel (Flash's weight or price hooks carry other data): nothing
    // to read, and Flash reads its acknowledgement in the answer so it stops sending.
    const sign = await sha256Upper(`mchId=${env.FLASH_MCH_ID}&nonceStr=1680747255&key=${env.FLASH_SECRET_KEY}`);
    const acknowledged = await call("POST", "/api/v1/shipping/webhook/flash", {
      raw: new URLSearchParams({ mchId: env.FLASH_MCH_ID, nonceStr: "1680747255", sign, data: "{}" }).toString(),
      headers: new Headers({ "Content-Type": "application/x-www-form-urlencoded" }),
    });
    expect(await expectJson(acknowledged, 200)).toEqual({ ...FLASH_WEBHOOK_ACK, received: true, events: 0 });
  });

  it("Flash's routes reach the timeline once and in order, however often and late they are read; COD is collected on delivery", async () => {
    const { seller, buyer, order } = await orderFor("TH", { paid: false });
    const payment = await expectJson<Payment>(
      await postPayment(buyer, { orderIds: [order.id], gateway: "cod", method: "cod" }),
      201,
    );
    const shipment = await book(seller.token, order.id);
    expect(shipment.cod).toEqual(order.total);
    const pno = `TH${crypto.randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`;
    const start = Math.floor(Date.now() / 1000) + 60;
    const poll = pollOf(shipment.id, pno, start);

    await poll(3);
    const early = ["booked", "picked_up", "in_transit", "in_transit"];
    expect((await tracking(buyer, order.id)).events.map((e) => e.status)).toEqual(early);
    // Read again (a duplicate), then an older answer (late): nothing new, nothing moves back.
    await poll(3);
    await poll(1);
    const meanwhile = await tracking(buyer, order.id);
    expect(meanwhile.events.map((e) => e.status)).toEqual(early);
    expect(meanwhile.status).toBe("in_transit");
    // Delivered (a final status: the cron asks no more): the COD payment succeeds once, the order is paid then delivered.
    await poll(6);
    const seen = await tracking(buyer, order.id);
    expect(seen.status).toBe("delivered");
    expect(seen.events.map((e) => e.status)).toEqual([
      "booked",
      "picked_up",
      "in_transit",
      "in_transit",
      "in_transit",
      "out_for_delivery",
      "delivered",
    ]);
    expect(new Set(seen.events.map((e) => e.status))).toEqual(new Set(DELIVERED_JOURNEY));
    // Our sentences carry their detail for the reader's language, beside the English API clients always read.
    expect(seen.events.map((e) => e.detail)).toEqual([
      undefined,
      "picked_up_by_courier",
      "at_branch",
      "left_branch",
      "at_branch",
      "out_for_delivery",
      "delivered_to_recipient",
    ]);
    expect(seen.events[2]).toMatchObject({ description: "Received at a Flash Express branch.", detail: "at_branch" });
    const done = await getOrder(buyer, order.id);
    expect([done.status, done.paymentStatus]).toEqual(["delivered", "paid"]);
    expect((await paymentRow(payment.id))?.status).toBe("succeeded");
    const types = (await timeline(buyer, order.id)).map((e) => e.type);
    expect(types.filter((t) => t === "payment.collected")).toHaveLength(1);
  });

  it("a COD parcel Flash sends back fails the payment, closes the order and restores the stock once", async () => {
    const { seller, buyer, order } = await orderFor("TH", { paid: false, quantity: 2 });
    const payment = await expectJson<Payment>(
      await postPayment(buyer, { orderIds: [order.id], gateway: "cod", method: "cod" }),
      201,
    );
    const shipment = await book(seller.token, order.id);
    const pno = `TH${crypto.randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`;
    const log = [
      { routeAction: "RECEIVED", message: "picked up", state: 1 },
      { routeAction: "DELIVERY_TICKET_CREATION_SCAN", message: "out", state: 3 },
      { routeAction: "DIFFICULTY_HANDOVER", message: "nobody home", state: 6 },
      { routeAction: "SYSTEM_AUTO_RETURN", message: "returning", state: 2 },
    ];
    const poll = pollOf(shipment.id, pno, Math.floor(Date.now() / 1000) + 60, log);
    // A failed attempt, read twice: Flash tries again, the order stays shipped.
    await poll(3);
    await poll(3);
    expect((await getOrder(buyer, order.id)).status).toBe("shipped");
    expect((await tracking(buyer, order.id)).events.at(-1)).toMatchObject({
      status: "out_for_delivery",
      description: "Delivery attempt failed; Flash Express will try again.",
      detail: "delivery_attempt_failed",
    });
    await poll(4);
    const closed = await getOrder(buyer, order.id);
    expect(closed.status).toBe("cancelled");
    expect((await tracking(buyer, order.id)).events.at(-1)).toMatchObject({
      status: "failed",
      detail: "being_returned",
    });
    expect((await paymentRow(payment.id))?.status).toBe("failed");
    expect(await expectConserved(seller.product.id, 12)).toMatchObject({ available: 10, reserved: 0, sold: 2 });
  });

  it("COD for a Thai order above COD_MAX_AMOUNT (THB) is refused with 422 and nothing changes", async () => {
    // THB 12,000 > the 10,000 limit.
    const { buyer, order } = await orderFor("TH", {
      paid: false,
      product: { price: { amount: 1_200_000, currency: "THB" } },
    });
    const problem = await expectProblem(
      await postPayment(buyer, { orderIds: [order.id], gateway: "cod", method: "cod" }),
      422,
      "cod_not_allowed",
    );
    expect(problem.detail).toContain("10000");
    const still = await getOrder(buyer, order.id);
    expect([still.status, still.paymentStatus]).toEqual(["pending_payment", "unpaid"]);
  });
});

/**
 * The cron's poll of one parcel made a Flash parcel (booked through the sandbox, offline), silent
 * for a day, answered with its first `upTo` routes: the path a webhook's re-read takes too.
 */
function pollOf(shipmentId: string, pno: string, start: number, log?: Parameters<typeof routes>[3]) {
  const config = readConfig(env);
  const cod = { collected: codCollected, failed: codFailed };
  return async (upTo: number) => {
    await env.DB.prepare("UPDATE shipments SET courier = 'flash', tracking_number = ?, last_heard_at = ? WHERE id = ?")
      .bind(pno, Date.now() - 86_400_000, shipmentId)
      .run();
    const { fetchFn, calls } = recordingFetch(ok(routes(pno, upTo, start, log)));
    await pollSilentShipments(env, config, cod, fetchFn);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `POST ${config.logistics.flashBaseUrl}/open/v1/orders/${pno}/routes`,
    ]);
  };
}

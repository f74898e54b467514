import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { afterEach, describe, expect, it } from "vitest";
import { shipments } from "../../d1/schema/logistics";
import { placeWaitingPickups } from "../../workers/logistics";
import { messagingDeps } from "../../workers/messaging/messages";
import { readConfig } from "../../workers/platform/config";
import { deliverToQueue, eventually, NOTIFICATIONS_QUEUE, notificationsOf } from "../notifications/helpers";
import { interceptOutbound, jsonAnswer, type OutboundCall } from "../security/support/outbound";
import { bookedFlashParcel, call, expectJson, FLASH_PICKUP, requestPickup } from "./helpers";

// Flash Express takes one open pickup per merchant, and every shop books under the platform's one
// FLASH_MCH_ID: while shop A's pickup is open, shop B's is refused with 1010. B's pickup then
// waits (202, `pickup.status: "waiting"`), and the cron (or B asking again) places it once Flash
// takes one, exactly once. Flash is played by a recorded merchant account: its day's pickups
// (POST /open/v1/notifications) and POST /open/v1/notify, refusing with 1010 while one is open.

/** Shop B: another phone and postal code than shop A's (FLASH_PICKUP, 053 123 456). */
const B_PICKUP = { ...FLASH_PICKUP, street: "88 ถนนช้างคลาน", city: "ช้างคลาน, เมืองเชียงใหม่", postalCode: "50100" };
const B_PHONE = "053 765 432";

interface Listed {
  ticketPickupId: number;
  srcPhone: string;
  srcPostalCode: string;
  state: number;
  timeoutAtText: string;
}

let restore: (() => void) | undefined;
afterEach(async () => {
  restore?.();
  // Other files' cron runs must find no pickup of ours waiting (they would ask Flash for real).
  await env.DB.prepare(
    "UPDATE shipments SET pickup_waiting_since = NULL, pickup_retry_at = NULL WHERE pickup_waiting_since IS NOT NULL",
  ).run();
});

/** The platform's Flash merchant account: its pickups of the day, and every call made to it. */
function flashAccount() {
  const pickups: Listed[] = [];
  const answer = (c: OutboundCall) => {
    const path = new URL(c.url).pathname;
    const form = Object.fromEntries(new URLSearchParams(c.body));
    if (path === "/open/v1/notifications") return jsonAnswer(200, { code: 1, message: "success", data: pickups });
    if (path === "/open/v1/notify") {
      if (pickups.some((p) => p.state === 0 || p.state === 1)) {
        return jsonAnswer(200, {
          code: 1010,
          message: "Imcomplete schedule of pickup is exists, no schedule of pickup is required",
          data: null,
        });
      }
      const ticketPickupId = 3060000 + pickups.length;
      pickups.push({
        ticketPickupId,
        srcPhone: form.srcPhone,
        srcPostalCode: form.srcPostalCode,
        state: 0,
        timeoutAtText: "",
      });
      return jsonAnswer(200, { code: 1, message: "success", data: { ticketPickupId, timeoutAtText: "" } });
    }
    if (path.endsWith("/cancel")) return jsonAnswer(200, { code: 1, message: "success", data: null });
    return jsonAnswer(404, { message: "not recorded" });
  };
  const outbound = interceptOutbound(() => answer);
  restore = outbound.restore;
  const paths = () => outbound.calls.map((c) => new URL(c.url).pathname);
  return {
    pickups,
    paths,
    /** POST /open/v1/notify calls made so far (each one Flash accepts orders a courier). */
    notifies: () => paths().filter((p) => p === "/open/v1/notify").length,
    forget: () => outbound.calls.splice(0),
  };
}

type Presented = {
  status: string;
  pickup?: { status: string; reference?: string; askedAt?: string; readyAt?: string };
};

const rowOf = async (id: string) => (await drizzle(env.DB).select().from(shipments).where(eq(shipments.id, id)))[0];
/** The waiting pickups due now (the backoff would otherwise wait a minute or more). */
const dueNow = () => env.DB.prepare("UPDATE shipments SET pickup_retry_at = 0 WHERE pickup_retry_at IS NOT NULL").run();
const cron = () => placeWaitingPickups(env, readConfig(env));

/** The outbox's shipment.pickup_placed events of a shipment (the cron's note to its seller). */
async function pickupPlacedEvents(shipmentId: string) {
  const { results } = await env.DB.prepare(
    "SELECT envelope FROM outbox_events WHERE type = 'shipment.pickup_placed' AND json_extract(envelope, '$.data.shipmentId') = ?",
  )
    .bind(shipmentId)
    .all<{ envelope: string }>();
  return results.map((r) => JSON.parse(r.envelope) as { id: string; data: Record<string, unknown> });
}

/** Shop A's Flash pickup placed (open at Flash), and shop B's booked parcel. */
async function aOpenAndB() {
  const flash = flashAccount();
  const a = await bookedFlashParcel();
  await expectJson<Presented>(await requestPickup(a.seller.token, a.id), 200);
  const b = await bookedFlashParcel(B_PICKUP, B_PHONE);
  flash.forget();
  return { flash, a, b };
}

describe("a Flash pickup refused because another shop's is open waits, and is placed later", () => {
  it("202 waiting, nothing else changed; still waiting while Flash says 1010; placed once after A's completes", async () => {
    const { flash, a, b } = await aOpenAndB();
    const readyAt = new Date(Date.now() + 3_600_000).toISOString();

    const waiting = await expectJson<Presented>(await requestPickup(b.seller.token, b.id, { readyAt }), 202);
    expect(waiting.status).toBe("booked");
    expect(waiting.pickup).toMatchObject({ status: "waiting", readyAt });
    expect(flash.paths()).toEqual(["/open/v1/notifications", "/open/v1/notify", "/open/v1/notifications"]);
    const row = await rowOf(b.id);
    expect([row.status, row.pickupReference, row.pickupFrom, row.pickupUntil]).toEqual(["booked", null, null, null]);
    expect(row.pickupWaitingSince).not.toBeNull();
    const read = await expectJson<Presented>(
      await call("GET", `/api/v1/shipments/${b.id}`, { token: b.seller.token }),
      200,
    );
    expect(read.pickup).toEqual(waiting.pickup);

    // Asking again asks Flash again: still refused, the same 202 (asked when it was first asked).
    const again = await expectJson<Presented>(await requestPickup(b.seller.token, b.id, { readyAt }), 202);
    expect(again.pickup).toEqual(waiting.pickup);
    expect(flash.notifies()).toBe(2);

    await dueNow();
    expect(await cron()).toMatchObject({ placed: 0, waiting: 1 });
    expect(flash.notifies()).toBe(3);
    expect((await rowOf(b.id)).pickupReference).toBeNull();

    // A's courier came: Flash takes one pickup again, and the cron places B's.
    flash.pickups[0].state = 2;
    await dueNow();
    expect(await cron()).toMatchObject({ placed: 1 });
    const placed = await rowOf(b.id);
    expect(placed.pickupReference).toBe("3060001");
    expect([placed.pickupWaitingSince, placed.pickupRetryAt]).toEqual([null, null]);
    expect(flash.pickups.map((p) => p.srcPostalCode)).toEqual(["50200", "50100"]);

    // Nothing more: a second cron run and a second request order no other courier.
    const notifies = flash.notifies();
    await dueNow();
    await cron();
    const answered = await expectJson<Presented>(await requestPickup(b.seller.token, b.id), 200);
    expect(answered.pickup).toMatchObject({ status: "requested", reference: "3060001" });
    expect(flash.notifies()).toBe(notifies);
    expect(flash.pickups).toHaveLength(2);
    expect((await rowOf(a.id)).pickupReference).toBe("3060000");
  });

  it("a crash between Flash's answer and our write: the cron finds the shop's open pickup and orders no second courier", async () => {
    const { flash, b } = await aOpenAndB();
    await expectJson<Presented>(await requestPickup(b.seller.token, b.id), 202);
    // Flash took B's pickup (A's completed) but the answer was lost before it was written.
    flash.pickups[0].state = 2;
    flash.pickups.push({
      ticketPickupId: 3069999,
      srcPhone: "053765432",
      srcPostalCode: "50100",
      state: 0,
      timeoutAtText: "",
    });
    flash.forget();
    await dueNow();
    expect(await cron()).toMatchObject({ placed: 1 });
    expect((await rowOf(b.id)).pickupReference).toBe("3069999");
    expect(flash.notifies()).toBe(0);
  });

  it("a parcel cancelled while its pickup waits stops waiting: the cron asks Flash nothing for it", async () => {
    const { flash, b } = await aOpenAndB();
    await expectJson<Presented>(await requestPickup(b.seller.token, b.id), 202);
    const cancelled = await call("POST", `/api/v1/shipments/${b.id}/cancel`, { token: b.seller.token });
    expect(cancelled.status, await cancelled.clone().text()).toBe(200);
    expect((await cancelled.json<Presented>()).pickup).toBeUndefined();
    flash.pickups[0].state = 2;
    flash.forget();
    await dueNow();
    expect(await cron()).toMatchObject({ placed: 0, waiting: 0 });
    expect(flash.paths()).toEqual([]);
    const row = await rowOf(b.id);
    expect([row.status, row.pickupWaitingSince, row.pickupReference]).toEqual(["cancelled", null, null]);
  });

  it("the shop's own open pickup is still given back (200), not waited for", async () => {
    const { flash, a } = await aOpenAndB();
    const second = await bookedFlashParcel(FLASH_PICKUP);
    // Another shop with A's phone and postal code would be A to Flash: this one is A's second parcel.
    await env.DB.prepare("UPDATE shipments SET shop_id = ? WHERE id = ?").bind(a.order.shopId, second.id).run();
    flash.forget();
    const answered = await expectJson<Presented>(await requestPickup(second.seller.token, second.id), 200);
    expect(answered.pickup).toMatchObject({ status: "requested", reference: "3060000" });
    expect(flash.notifies()).toBe(0);
    // Placed by the route (200): the seller is looking at it, nothing to tell them.
    expect(await pickupPlacedEvents(second.id)).toEqual([]);
  });
  it("Flash down while the pickup waits is still a 503 with nothing changed; a refusal no retry changes ends the wait", async () => {
    const { flash, b } = await aOpenAndB();
    await expectJson<Presented>(await requestPickup(b.seller.token, b.id), 202);
    const before = await rowOf(b.id);
    restore?.();
    const down = interceptOutbound(() => () => jsonAnswer(502, { message: "Bad gateway" }));
    restore = down.restore;
    const res = await requestPickup(b.seller.token, b.id);
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("60");
    expect(await rowOf(b.id)).toEqual(before);
    // The cron meets the outage too: the pickup still waits, asked again after the backoff.
    await dueNow();
    expect(await cron()).toMatchObject({ placed: 0, waiting: 1 });
    const after = await rowOf(b.id);
    expect(after.pickupWaitingSince).toBe(before.pickupWaitingSince);
    expect(after.pickupRetryAt).toBeGreaterThan(Date.now());
    down.restore();

    // Flash now refuses the shop's address outright (1022): waiting would never end, so it stops.
    const refusing = interceptOutbound(
      () => (c) =>
        new URL(c.url).pathname === "/open/v1/notify"
          ? jsonAnswer(200, { code: 1022, message: "Sender's address are not in service range yet", data: null })
          : jsonAnswer(200, { code: 1, message: "success", data: flash.pickups.map((p) => ({ ...p, state: 2 })) }),
    );
    restore = refusing.restore;
    await dueNow();
    expect(await cron()).toMatchObject({ placed: 0 });
    const ended = await rowOf(b.id);
    expect([ended.pickupWaitingSince, ended.pickupRetryAt, ended.pickupReference]).toEqual([null, null, null]);
    const read = await expectJson<Presented>(
      await call("GET", `/api/v1/shipments/${b.id}`, { token: b.seller.token }),
      200,
    );
    expect(read.pickup).toBeUndefined();
  });
});

describe("the seller is told when the cron places their waiting pickup", () => {
  it("one notification to the shop's owner, in their language and zone, with the tracking number, however often the cron runs or the event arrives", async () => {
    const { flash, a, b } = await aOpenAndB();
    await env.DB.prepare("UPDATE users SET locale = 'th', timezone = 'Asia/Bangkok' WHERE id = ?")
      .bind(b.seller.userId)
      .run();
    await expectJson<Presented>(await requestPickup(b.seller.token, b.id), 202);
    // A's pickup was placed by the route at once (200): its seller saw it, nothing to announce.
    expect(await pickupPlacedEvents(a.id)).toEqual([]);
    expect(await pickupPlacedEvents(b.id)).toEqual([]);

    flash.pickups[0].state = 2;
    await dueNow();
    expect(await cron()).toMatchObject({ placed: 1 });
    // Written in the pickup's own batch, before any drain: a process dying now loses no notice.
    const placed = await rowOf(b.id);
    const events = await pickupPlacedEvents(b.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: `evt_pickup_${b.id}`,
      data: {
        orderId: b.order.id,
        courier: "Flash Express",
        trackingNumber: placed.trackingNumber,
        reference: "3060001",
        from: placed.pickupFrom,
        until: placed.pickupUntil,
      },
    });

    // The queue brings it, twice (a redelivery); the cron runs again: still one event, one notice.
    const deps = messagingDeps(env);
    await deliverToQueue(NOTIFICATIONS_QUEUE, [{ body: events[0] }], deps);
    await deliverToQueue(NOTIFICATIONS_QUEUE, [{ body: events[0] }], deps);
    await dueNow();
    expect(await cron()).toMatchObject({ placed: 0 });
    expect(await pickupPlacedEvents(b.id)).toHaveLength(1);
    const rows = await eventually(async () => {
      const found = await notificationsOf(b.seller.userId, "seller.pickup_placed");
      return found.length > 0 && found;
    }, "the seller's pickup notification");
    expect(rows).toHaveLength(1);
    const window = new Intl.DateTimeFormat("th-TH", {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "Asia/Bangkok",
    }).formatRange(placed.pickupFrom ?? 0, placed.pickupUntil ?? 0);
    expect(rows[0]).toMatchObject({ locale: "th", category: "orders", title: `นัดรับพัสดุแล้ว: ${placed.trackingNumber}` });
    expect(rows[0].body).toContain(window);
    expect(rows[0].body).toContain(b.order.number);

    // The owner's inbox has it, pointing at the order and the parcel.
    const inbox = await expectJson<{ items: { type: string; title: string; data: Record<string, string> }[] }>(
      await call("GET", "/api/v1/notifications", { token: b.seller.token }),
      200,
    );
    const shown = inbox.items.filter((i) => i.type === "seller.pickup_placed");
    expect(shown).toHaveLength(1);
    expect(shown[0].data).toMatchObject({
      orderId: b.order.id,
      shipmentId: b.id,
      trackingNumber: placed.trackingNumber,
    });
  });

  it("the seller's own request placed it while the cron was asking: the cron's write and its event both stand down", async () => {
    const { flash, b } = await aOpenAndB();
    await expectJson<Presented>(await requestPickup(b.seller.token, b.id), 202);
    flash.pickups[0].state = 2;
    await dueNow();
    // The request commits its pickup (200, nothing to tell) just before the cron's batch does.
    const routeWins = () =>
      env.DB.prepare(
        "UPDATE shipments SET pickup_reference = 'by-route', pickup_from = 1, pickup_until = 2, pickup_waiting_since = NULL, pickup_retry_at = NULL WHERE id = ?",
      )
        .bind(b.id)
        .run();
    const racingDb = {
      prepare: (query: string) => env.DB.prepare(query),
      batch: async (statements: D1PreparedStatement[]) => {
        await routeWins();
        return env.DB.batch(statements);
      },
    } as unknown as D1Database;
    await placeWaitingPickups({ ...env, DB: racingDb }, readConfig(env));
    expect((await rowOf(b.id)).pickupReference).toBe("by-route");
    expect(await pickupPlacedEvents(b.id)).toEqual([]);
  });
});

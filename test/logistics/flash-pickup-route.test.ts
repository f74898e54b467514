import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { afterEach, describe, expect, it } from "vitest";
import { shipments } from "../../d1/schema/logistics";
import { interceptOutbound, jsonAnswer } from "../security/support/outbound";
import { bookedFlashParcel, expectJson, expectProblem, requestPickup } from "./helpers";

// POST /api/v1/shipments/:id/pickup for a Flash Express parcel, end to end through the route: the
// shop's pickup address (Shop settings) is the sender, Flash's ticket is stored as the pickup, a
// second request answers the stored pickup without asking Flash again, and a Flash outage is a 503
// with Retry-After and nothing written. (Flash's own calls are tested in flash-pickup.test.ts.)

const NOTIFIED = {
  ticketPickupId: 3051234,
  staffInfoName: "สมศักดิ์",
  staffInfoPhone: "0812223333",
  timeoutAtText: "",
  ticketMessage: "A courier is on the way",
};

/**
 * Today's open pickups (none), then Flash's answer to the notify call. Built when asked: a Response
 * made in the test's context cannot be read in the request's.
 */
const flashAnswers = () => [
  () => jsonAnswer(200, { code: 1, message: "success", data: [] }),
  () => jsonAnswer(200, { code: 1, message: "success", data: NOTIFIED }),
];

type WithPickup = { id: string; pickup?: { reference: string; from: string; until: string } };
let restore: (() => void) | undefined;
afterEach(() => restore?.());

/** Flash answering the recorded pickup lookup and request, once each. */
function flashUp() {
  const answers = flashAnswers();
  const outbound = interceptOutbound(() => answers.shift() ?? new Error("no more answers"));
  restore = outbound.restore;
  return outbound;
}

const storedPickup = async (id: string) =>
  (await drizzle(env.DB).select().from(shipments).where(eq(shipments.id, id)))[0]?.pickupReference ?? null;

describe("POST /shipments/:id/pickup, Flash Express", () => {
  it("orders a courier to the shop's pickup address, stores Flash's ticket, and answers it again without a second call", async () => {
    const { seller, id } = await bookedFlashParcel();
    const outbound = flashUp();

    const first = await expectJson<WithPickup>(await requestPickup(seller.token, id), 200);
    expect(first.pickup?.reference).toBe("3051234");
    expect(outbound.calls.map((c) => new URL(c.url).pathname)).toEqual(["/open/v1/notifications", "/open/v1/notify"]);
    const sent = Object.fromEntries(new URLSearchParams(outbound.calls[1].body));
    expect(sent).toMatchObject({
      srcProvinceName: "เชียงใหม่",
      srcCityName: "สุเทพ, เมืองเชียงใหม่",
      srcPostalCode: "50200",
      srcDetailAddress: "12 ถนนนิมมานเหมินท์",
      srcPhone: "053123456",
    });
    expect(await storedPickup(id)).toBe("3051234");

    const again = await expectJson<WithPickup>(await requestPickup(seller.token, id), 200);
    expect(again.pickup).toEqual(first.pickup);
    expect(outbound.calls).toHaveLength(2);
  });

  it("Flash not answering is a 503 with Retry-After, and nothing is written; the retry then succeeds", async () => {
    const { seller, id } = await bookedFlashParcel();
    const down = interceptOutbound(() => () => jsonAnswer(502, { message: "Bad gateway" }));
    restore = down.restore;
    const res = await requestPickup(seller.token, id);
    await expectProblem(res, 503, "service_unavailable");
    expect(res.headers.get("Retry-After")).toBe("60");
    expect(await storedPickup(id)).toBeNull();
    down.restore();

    flashUp();
    const retried = await expectJson<WithPickup>(await requestPickup(seller.token, id), 200);
    expect(retried.pickup?.reference).toBe("3051234");
  });
});

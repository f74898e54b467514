import { describe, expect, it } from "vitest";
import { book, call, expectJson, expectProblem, orderFor, type Shipment, simulateShipment } from "./helpers";

type WithPickup = Shipment & { pickup?: { reference: string; from: string; until: string } };

const askPickup = (token: string, id: string, body?: unknown) =>
  call("POST", `/api/v1/shipments/${id}/pickup`, { token, ...(body ? { body } : {}) });

describe("POST /shipments/:id/pickup", () => {
  it("the sandbox courier confirms a pickup at once; asking again (or twice at once) keeps the one pickup", async () => {
    const { seller, order } = await orderFor("TH");
    const shipment = await book(seller.token, order.id);
    expect((shipment as WithPickup).pickup).toBeUndefined();
    const readyAt = new Date(Date.now() + 3_600_000).toISOString();
    const answers = await Promise.all([
      askPickup(seller.token, shipment.id, { readyAt }),
      askPickup(seller.token, shipment.id, { readyAt }),
    ]);
    const [first, second] = await Promise.all(answers.map((r) => expectJson<WithPickup>(r, 200)));
    expect(first.pickup).toEqual(second.pickup);
    expect(first.pickup?.reference).toBe(`PU-${shipment.trackingNumber}`);
    expect(Date.parse(first.pickup!.from)).toBe(Date.parse(readyAt));
    expect(Date.parse(first.pickup!.until) - Date.parse(first.pickup!.from)).toBe(2 * 3_600_000);

    const again = await expectJson<WithPickup>(await askPickup(seller.token, shipment.id), 200);
    expect(again.pickup).toEqual(first.pickup);
    const read = await expectJson<WithPickup>(
      await call("GET", `/api/v1/shipments/${shipment.id}`, { token: seller.token }),
      200,
    );
    expect(read.pickup).toEqual(first.pickup);
  });

  it("only the shop's owner asks, only while the parcel is booked", async () => {
    const { seller, buyer, order } = await orderFor("TH");
    const shipment = await book(seller.token, order.id);
    await expectProblem(await call("POST", `/api/v1/shipments/${shipment.id}/pickup`, buyer), 401, "unauthorized");
    await simulateShipment(seller.token, shipment.id, "in_transit");
    await expectProblem(await askPickup(seller.token, shipment.id), 409, "invalid_transition");
    await expectProblem(await askPickup(seller.token, "shp_unknown"), 404, "not_found");
  });
});

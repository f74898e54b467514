import { describe, expect, it } from "vitest";
import {
  book,
  call,
  DELIVERED_JOURNEY,
  expectJson,
  expectProblem,
  getOrder,
  newAccount,
  orderFor,
  postShipment,
  type Shipment,
  simulateShipment,
  timeline,
  tracking,
} from "./helpers";

describe("GET /couriers", () => {
  it("lists the couriers serving a country with their services and cash on delivery", async () => {
    const { items } = await expectJson<{
      items: { id: string; countries: string[]; services: { code: string; cod: boolean }[] }[];
    }>(await call("GET", "/api/v1/couriers?country=id"), 200);
    const ids = items.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(["ninjavan", "sandbox"]));
    const ninja = items.find((c) => c.id === "ninjavan")!;
    expect(ninja.countries).toContain("ID");
    expect(ninja.services).toEqual(
      expect.arrayContaining([
        { code: "standard", name: "Standard", cod: true },
        { code: "express", name: "Express", cod: false },
      ]),
    );
    const sg = await expectJson<{ items: { id: string; services: { cod: boolean }[] }[] }>(
      await call("GET", "/api/v1/couriers?country=SG"),
      200,
    );
    // Cash on delivery is not offered in Singapore (COD_COUNTRIES).
    expect(sg.items.flatMap((c) => c.services).every((s) => !s.cod)).toBe(true);
  });
});

describe("POST /orders/:id/shipments", () => {
  it("books the sandbox courier once per key, ships the order and serves the label to the owner only", async () => {
    const { seller, buyer, order } = await orderFor("ID");
    const key = crypto.randomUUID();
    const first = await expectJson<Shipment>(await postShipment(seller.token, order.id, undefined, key), 201);
    expect(first).toMatchObject({ orderId: order.id, courier: "sandbox", service: "standard", status: "booked" });
    expect(first.trackingNumber).toMatch(/^SBX[0-9A-F]{12}$/);
    expect(first.cod).toBeUndefined();
    const again = await expectJson<Shipment>(await postShipment(seller.token, order.id, undefined, key), 201);
    expect(again.id).toBe(first.id);

    const shipped = await getOrder(buyer, order.id);
    expect(shipped.status).toBe("shipped");
    expect(shipped.shipping.trackingNumber).toBe(first.trackingNumber);
    const types = (await timeline(buyer, order.id)).map((e) => e.type);
    expect(types.filter((t) => t === "status.shipped")).toHaveLength(1);

    // Another key while a shipment is live: refused, nothing booked twice.
    await expectProblem(await postShipment(seller.token, order.id), 409, "conflict");

    const labelPath = new URL(first.labelUrl).pathname;
    const label = await call("GET", labelPath, { token: seller.token });
    expect(label.status).toBe(200);
    expect(label.headers.get("Content-Type")).toBe("application/pdf");
    const bytes = new Uint8Array(await label.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    expect(new TextDecoder().decode(bytes)).toContain(first.trackingNumber);
    const stranger = await newAccount("ID");
    await expectProblem(await call("GET", labelPath, { token: stranger.token }), 403, "forbidden");
    await expectProblem(await call("GET", labelPath), 401, "unauthorized");
  });

  it("is for the shop's owner only, and for paid orders only", async () => {
    const { buyer, order, seller } = await orderFor("ID", { paid: false });
    await expectProblem(await postShipment(seller.token, order.id), 409, "invalid_transition");
    const stranger = await newAccount("ID");
    await expectProblem(await postShipment(stranger.token, order.id), 403, "forbidden");
    await expectProblem(
      await call("POST", `/api/v1/orders/${order.id}/shipments`, {
        ...buyer,
        body: { courier: "sandbox", service: "standard" },
      }),
      401,
      "unauthorized",
    );
    const paid = await orderFor("ID");
    await expectProblem(
      await postShipment(paid.seller.token, paid.order.id, { courier: "nobody", service: "standard" }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await postShipment(paid.seller.token, paid.order.id, { courier: "sandbox", service: "rocket" }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await call("POST", `/api/v1/orders/${paid.order.id}/shipments`, {
        token: paid.seller.token,
        body: { courier: "sandbox", service: "standard" },
      }),
      400,
      "idempotency_key_required",
    );
  });

  it("cancels before pickup (the order goes back to processing), not after", async () => {
    const { seller, buyer, order } = await orderFor("ID");
    const shipment = await book(seller.token, order.id);
    const cancelled = await expectJson<Shipment>(
      await call("POST", `/api/v1/shipments/${shipment.id}/cancel`, { token: seller.token }),
      200,
    );
    expect(cancelled.status).toBe("cancelled");
    expect((await getOrder(buyer, order.id)).status).toBe("processing");

    const rebooked = await book(seller.token, order.id);
    expect(rebooked.id).not.toBe(shipment.id);
    expect((await getOrder(buyer, order.id)).status).toBe("shipped");
    await simulateShipment(seller.token, rebooked.id, "picked_up");
    await expectProblem(
      await call("POST", `/api/v1/shipments/${rebooked.id}/cancel`, { token: seller.token }),
      409,
      "invalid_transition",
    );
  });

  it("drives a sandbox parcel to delivered: the buyer sees each step and the order is delivered", async () => {
    const { seller, buyer, order } = await orderFor("TH");
    const shipment = await book(seller.token, order.id);
    for (const status of ["picked_up", "in_transit", "out_for_delivery", "delivered"]) {
      await simulateShipment(seller.token, shipment.id, status);
    }
    const seen = await tracking(buyer, order.id);
    expect(seen.status).toBe("delivered");
    expect(seen.events.map((e) => e.status)).toEqual(DELIVERED_JOURNEY);
    // The sandbox has no words of its own (the page names each step in the reader's language).
    expect(seen.events.slice(1).map((e) => e.description)).toEqual(["", "", "", ""]);
    expect((await tracking({ token: seller.token }, order.id)).shipmentId).toBe(shipment.id);
    const delivered = await getOrder(buyer, order.id);
    expect(delivered.status).toBe("delivered");
    const stranger = await newAccount("TH");
    await expectProblem(
      await call("GET", `/api/v1/orders/${order.id}/tracking`, { token: stranger.token }),
      403,
      "forbidden",
    );
  });

  it("keeps the words a simulated event is given, as a courier's own", async () => {
    const { seller, buyer, order } = await orderFor("TH");
    const shipment = await book(seller.token, order.id);
    const body = { status: "picked_up", description: "รับพัสดุที่สาขาลาดพร้าว", location: "Lat Phrao" };
    expect(
      (await call("POST", `/api/v1/shipments/${shipment.id}/simulate`, { token: seller.token, body })).status,
    ).toBe(200);
    const picked = (await tracking(buyer, order.id)).events.at(-1);
    expect(picked).toMatchObject({ status: "picked_up", description: body.description, location: "Lat Phrao" });
  });
});

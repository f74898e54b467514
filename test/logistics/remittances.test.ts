import { beforeAll, describe, expect, it } from "vitest";
import { grantAdmin, register } from "../support/accounts";
import { call, deliveredCod, expectJson, expectProblem, type Remittance, type Shipment } from "./helpers";

interface Mismatch {
  kind: string;
  trackingNumber: string;
  orderId?: string;
  expected?: { amount: number; currency: string };
  remitted?: { amount: number; currency: string };
  remittances: string[];
}

interface Report {
  matched: number;
  counts: Record<string, number>;
  items: Mismatch[];
}

const remit = (token: string, body: unknown, idempotencyKey = crypto.randomUUID()) =>
  call("POST", "/api/v1/admin/cod-remittances", { token, body, idempotencyKey });

const item = (s: Shipment, amount = s.cod!.amount) => ({
  trackingNumber: s.trackingNumber,
  amount: { amount, currency: s.cod!.currency },
});

describe("COD remittance reconciliation", () => {
  let admin: string;
  let matched: Shipment;
  let short: Shipment;
  let twice: Shipment;
  let unpaid: Shipment;
  const since = new Date(Date.now() - 1000).toISOString();
  const ref = (name: string) => `${name}-${crypto.randomUUID().slice(0, 8)}`;
  const unknownNumber = `NOPE${crypto.randomUUID().slice(0, 8).toUpperCase()}`;
  const first = ref("REM-1");
  let firstId = "";

  beforeAll(async () => {
    const account = await register({ emailPrefix: "cod-ops", country: "ID" });
    await grantAdmin(account.user.id);
    admin = account.accessToken;
    [matched, short, twice, unpaid] = await Promise.all([
      deliveredCod(),
      deliveredCod(),
      deliveredCod(),
      deliveredCod(),
    ]);
  }, 60_000);

  it("records a remittance once per courier reference, and refuses the same reference with other items", async () => {
    const body = {
      courier: "sandbox",
      reference: first,
      items: [
        item(matched),
        item(short, short.cod!.amount - 100_000),
        item(twice),
        { trackingNumber: unknownNumber, amount: { amount: 2_500_000, currency: "IDR" } },
      ],
    };
    const recorded = await expectJson<Remittance>(await remit(admin, body), 201);
    expect(recorded).toMatchObject({ courier: "sandbox", reference: first, itemCount: 4 });
    expect(recorded.total.amount).toBe(
      matched.cod!.amount + short.cod!.amount - 100_000 + twice.cod!.amount + 2_500_000,
    );
    // Sent again under another key: the same remittance, nothing added.
    const again = await expectJson<Remittance>(await remit(admin, body), 201);
    expect(again.id).toBe(recorded.id);
    const read = await expectJson<Remittance>(
      await call("GET", `/api/v1/admin/cod-remittances/${recorded.id}`, { token: admin }),
      200,
    );
    expect(read.items).toHaveLength(4);
    firstId = recorded.id;
    await expectProblem(await remit(admin, { ...body, items: [item(matched)] }), 409, "conflict");

    // The parcel remitted a second time, in another statement.
    await expectJson<Remittance>(
      await remit(admin, { courier: "sandbox", reference: ref("REM-2"), items: [item(twice)] }),
      201,
    );
  });

  it("reports matched, short-paid, duplicate, unknown and not remitted parcels, as JSON and CSV", async () => {
    const report = await expectJson<Report>(
      await call("GET", `/api/v1/admin/cod-remittances/mismatches?courier=sandbox&since=${since}`, { token: admin }),
      200,
    );
    const row = (s: { trackingNumber: string }) => report.items.find((i) => i.trackingNumber === s.trackingNumber);
    expect(row(matched)).toBeUndefined();
    expect(report.matched).toBeGreaterThanOrEqual(1);
    expect(row(short)).toMatchObject({
      kind: "short_paid",
      expected: short.cod,
      remitted: { amount: short.cod!.amount - 100_000, currency: "IDR" },
      remittances: [first],
    });
    expect(row(twice)?.kind).toBe("duplicate");
    expect(row(twice)?.remittances).toHaveLength(2);
    expect(row({ trackingNumber: unknownNumber })).toMatchObject({ kind: "unknown", remittances: [first] });
    expect(row(unpaid)).toMatchObject({ kind: "not_remitted", expected: unpaid.cod, remittances: [] });

    const csv = await call(
      "GET",
      `/api/v1/admin/cod-remittances/mismatches?courier=sandbox&since=${since}&format=csv`,
      {
        token: admin,
      },
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe("kind,courier,tracking_number,order,shipment,status,expected,remitted,currency,remittances");
    expect(lines.find((l) => l.includes(short.trackingNumber))).toMatch(/^short_paid,sandbox,/);
  });

  it("shows each line of one remittance with its parcel's order and verdict", async () => {
    const read = await expectJson<Remittance & { items: Record<string, unknown>[] }>(
      await call("GET", `/api/v1/admin/cod-remittances/${firstId}`, { token: admin }),
      200,
    );
    expect(read.items).toEqual([
      {
        ...item(matched),
        result: "matched",
        orderId: matched.orderId,
        shipmentId: matched.id,
        shipmentStatus: "delivered",
        expected: matched.cod,
      },
      expect.objectContaining({ trackingNumber: short.trackingNumber, result: "short_paid", orderId: short.orderId }),
      // Remitted again in the second statement: the parcel's verdict shows on this line too.
      expect.objectContaining({ trackingNumber: twice.trackingNumber, result: "duplicate", orderId: twice.orderId }),
      { trackingNumber: unknownNumber, amount: { amount: 2_500_000, currency: "IDR" }, result: "unknown" },
    ]);
    await expectProblem(
      await call("GET", "/api/v1/admin/cod-remittances/crm_nothing_here", { token: admin }),
      404,
      "not_found",
    );
  });

  it("lists remittances newest first, and keeps them to admins", async () => {
    const page = await expectJson<{ items: Remittance[] }>(
      await call("GET", "/api/v1/admin/cod-remittances?courier=sandbox&limit=100", { token: admin }),
      200,
    );
    expect(page.items.some((r) => r.reference === first)).toBe(true);
    const stranger = await register({ emailPrefix: "cod-stranger", country: "ID" });
    await expectProblem(
      await remit(stranger.accessToken, { courier: "sandbox", reference: ref("X"), items: [] }),
      403,
      "forbidden",
    );
    await expectProblem(
      await call("GET", "/api/v1/admin/cod-remittances/mismatches", { token: stranger.accessToken }),
      403,
      "forbidden",
    );
  });

  it("refuses items in two currencies and unknown couriers (422)", async () => {
    const mixed = {
      courier: "sandbox",
      reference: ref("MIX"),
      items: [item(matched), { trackingNumber: "X1", amount: { amount: 100, currency: "THB" } }],
    };
    await expectProblem(await remit(admin, mixed), 422, "validation_failed");
    await expectProblem(
      await remit(admin, { ...mixed, courier: "nobody", items: [item(matched)] }),
      422,
      "validation_failed",
    );
  });
});

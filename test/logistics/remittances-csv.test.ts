import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { grantAdmin, register } from "../support/accounts";
import { call, deliveredCod, expectJson, expectProblem, type Remittance, type Shipment } from "./helpers";

// A courier's COD statement sent as CSV to POST /admin/cod-remittances: the same remittance as the
// JSON form, every line checked first, a per-line 422 report, 415 for other content types.

const major = (s: Shipment) => String(s.cod!.amount / 100);

function postCsv(token: string, csv: string, query: string, contentType = "text/csv; charset=utf-8") {
  return call("POST", `/api/v1/admin/cod-remittances?${query}`, {
    token,
    raw: csv,
    headers: { "Content-Type": contentType },
    idempotencyKey: crypto.randomUUID(),
  });
}

async function remittanceCount(reference: string): Promise<number> {
  const row = await env.DB.prepare("SELECT count(*) AS n FROM cod_remittances WHERE reference = ?")
    .bind(reference)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

describe("COD remittance statements as CSV", () => {
  let admin: string;
  let a: Shipment;
  let b: Shipment;
  const ref = (name: string) => `${name}-${crypto.randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    const account = await register({ emailPrefix: "cod-csv", country: "ID" });
    await grantAdmin(account.user.id);
    admin = account.accessToken;
    a = await deliveredCod();
    b = await deliveredCod();
  });

  it("records a statement's lines (major units, extra columns ignored) as the JSON form would", async () => {
    const reference = ref("CSV-OK");
    const csv = [
      "\uFEFFTracking Number,Recipient,Amount,Currency,Note",
      `${a.trackingNumber},"Budi, Jakarta",${major(a)},IDR,ok`,
      `${b.trackingNumber},Sari,"${Number(major(b)).toLocaleString("en-US")}",idr,`,
      "",
    ].join("\r\n");
    const query = `courier=sandbox&reference=${reference}&remittedAt=2026-12-05T10:00:00%2B07:00`;
    const recorded = await expectJson<Remittance>(await postCsv(admin, csv, query), 201);
    expect(recorded).toMatchObject({ courier: "sandbox", reference, itemCount: 2 });
    expect(recorded.items).toEqual([
      { trackingNumber: a.trackingNumber, amount: a.cod },
      { trackingNumber: b.trackingNumber, amount: b.cod },
    ]);
    expect(recorded.total).toEqual({ amount: a.cod!.amount + b.cod!.amount, currency: "IDR" });
    // The same statement again answers the recorded one; nothing is recorded twice.
    const again = await expectJson<Remittance>(await postCsv(admin, csv, query), 201);
    expect(again.items).toEqual(recorded.items);
    expect(await remittanceCount(reference)).toBe(1);
  });

  it("refuses a statement with bad lines as a whole, listing each refused line and field (422)", async () => {
    const reference = ref("CSV-BAD");
    const csv = [
      "tracking_number,amount,currency",
      `${a.trackingNumber},${major(a)},IDR`,
      `${b.trackingNumber},-5,IDR`,
      ",1000,IDR",
      `${b.trackingNumber},1000,EUR`,
      `${b.trackingNumber},1000,THB`,
    ].join("\n");
    const problem = await expectProblem(
      await postCsv(admin, csv, `courier=sandbox&reference=${reference}`),
      422,
      "validation_failed",
    );
    expect(problem.errors?.map((e) => e.path)).toEqual([
      "line.3.amount",
      "line.4.tracking_number",
      "line.5.currency",
      "line.6.currency",
    ]);
    expect(await remittanceCount(reference)).toBe(0);
  });

  it("needs the header's columns, the courier and reference, and at most the allowed lines", async () => {
    const reference = ref("CSV-LIMITS");
    const body = `tracking_number,amount,currency\n${a.trackingNumber},${major(a)},IDR\n`;
    await expectProblem(
      await postCsv(admin, "awb,cod\nX,1\n", `courier=sandbox&reference=${reference}`),
      422,
      "validation_failed",
    );
    const missing = await expectProblem(await postCsv(admin, body, "courier=sandbox"), 422, "validation_failed");
    expect(missing.errors?.map((e) => e.path)).toEqual(["reference"]);
    await expectProblem(
      await postCsv(admin, "tracking_number,amount,currency\n", `courier=sandbox&reference=${reference}`),
      422,
      "validation_failed",
    );
    const lines = Array.from({ length: 501 }, (_, i) => `TN${i},1000,IDR`).join("\n");
    await expectProblem(
      await postCsv(admin, `tracking_number,amount,currency\n${lines}\n`, `courier=sandbox&reference=${reference}`),
      422,
      "validation_failed",
    );
    await expectProblem(await postCsv(admin, body, `courier=nobody&reference=${reference}`), 422, "validation_failed");
    expect(await remittanceCount(reference)).toBe(0);
  });

  it("answers 415 for other content types, and admins only may send statements", async () => {
    const body = `tracking_number,amount,currency\n${a.trackingNumber},${major(a)},IDR\n`;
    const query = `courier=sandbox&reference=${ref("CSV-415")}`;
    await expectProblem(await postCsv(admin, body, query, "text/plain"), 415, "unsupported_media_type");
    await expectProblem(await postCsv(admin, body, query, "application/xml"), 415, "unsupported_media_type");
    const seller = await register({ emailPrefix: "cod-csv-seller", country: "ID" });
    await expectProblem(await postCsv(seller.accessToken, body, query), 403, "forbidden");
  });
});

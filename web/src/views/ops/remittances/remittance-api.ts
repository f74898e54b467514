import { api, type Schemas, unwrap } from "../../../api/client";

// The console's calls for cash-on-delivery remittances (admin routes of workers/logistics/routes/remittances.ts).

export type RemittanceSummary = Schemas["CodRemittanceSummary"];
export type RemittanceDetail = Schemas["CodRemittanceDetail"];
export type Remittance = Schemas["CodRemittance"];
export type Line = Schemas["CodRemittanceLine"];
export type Report = Schemas["CodRemittanceReport"];
export type Result = Line["result"];

export interface StatementHeader {
  courier: string;
  reference: string;
  /** ISO date-time, or empty: the server takes now. */
  remittedAt: string;
}

export async function loadCouriers(): Promise<string[]> {
  return (await unwrap(api.GET("/api/v1/couriers", { params: { query: {} } }))).items.map((c) => c.id);
}

export function loadRemittances(cursor?: string) {
  return unwrap(api.GET("/api/v1/admin/cod-remittances", { params: { query: cursor ? { cursor } : {} } }));
}

export function loadRemittance(id: string): Promise<RemittanceDetail> {
  return unwrap(api.GET("/api/v1/admin/cod-remittances/{id}", { params: { path: { id } } }));
}

/**
 * The courier's statement goes up as it is (text/csv): the server checks every line and records
 * all or none. `key` is the attempt's Idempotency-Key, so a retried upload answers the first.
 */
export function recordStatement(header: StatementHeader, csv: Blob, key: string): Promise<Remittance> {
  const query = {
    courier: header.courier,
    reference: header.reference,
    ...(header.remittedAt ? { remittedAt: header.remittedAt } : {}),
  };
  return unwrap(
    api.POST("/api/v1/admin/cod-remittances", {
      params: { query },
      body: csv as never,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { "Content-Type": "text/csv", "Idempotency-Key": key },
    }),
  );
}

export async function loadReport(query: { since?: string; courier?: string }): Promise<Report> {
  const report = await unwrap(
    api.GET("/api/v1/admin/cod-remittances/mismatches", { params: { query: { ...query, format: "json" } } }),
  );
  // format=json: the answer is the report, never the CSV text the same route gives with format=csv.
  return report as Report;
}

export async function reportCsv(query: { since?: string; courier?: string }): Promise<string> {
  const csv = await unwrap(
    api.GET("/api/v1/admin/cod-remittances/mismatches", {
      params: { query: { ...query, format: "csv" } },
      parseAs: "text",
    }),
  );
  return csv as unknown as string;
}

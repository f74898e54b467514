import { call, expectJson } from "../catalog/helpers";

export * from "../catalog/helpers";

export interface BulkReport {
  uploadId: string;
  status: "applied" | "refused";
  rows: number;
  applied: number;
  refused: { row: number; sku: string; code: string; reason: string }[];
}

/** POST a CSV to the shop's bulk route. */
export function uploadCsv(shopId: string, csv: string, token: string, idempotencyKey?: string): Promise<Response> {
  return call("POST", `/api/v1/shops/${shopId}/products/bulk`, {
    raw: csv,
    token,
    idempotencyKey,
    headers: { "Content-Type": "text/csv" },
  });
}

export async function bulkReport(shopId: string, csv: string, token: string, key?: string): Promise<BulkReport> {
  return expectJson<BulkReport>(await uploadCsv(shopId, csv, token, key), 200);
}

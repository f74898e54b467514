import { api, type Schemas, unwrap } from "../../api/client";

// The seller center's calls (CONTRACT.md "Seller center"): the caller's shops, a shop's products in
// every status, the bulk price and stock CSV, the business verification documents, and the shop's settings.

export type Shop = Schemas["Shop"];
export type Product = Schemas["Product"];
export type BulkReport = Schemas["BulkUpdateReport"];
export type ShopDocument = Schemas["ShopDocument"];
export type ProductStatus = "draft" | "active" | "archived";

export async function loadMyShops(): Promise<Shop[]> {
  return (await unwrap(api.GET("/api/v1/me/shops"))).items;
}

export function loadShop(id: string): Promise<Shop> {
  return unwrap(api.GET("/api/v1/shops/{id}", { params: { path: { id } } }));
}

export function loadShopProducts(id: string, status: ProductStatus | undefined, cursor?: string) {
  return unwrap(
    api.GET("/api/v1/shops/{id}/products", {
      params: { path: { id }, query: { limit: 50, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) } },
    }),
  );
}

/** The CSV goes up as it is (text/csv), keyed so that a retried upload replays its report. */
export function uploadPriceStockCsv(id: string, file: Blob, key: string): Promise<BulkReport> {
  return unwrap(
    api.POST("/api/v1/shops/{id}/products/bulk", {
      params: { path: { id } },
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { "Content-Type": "text/csv", "Idempotency-Key": key },
    }),
  );
}

export function loadVerification(id: string) {
  return unwrap(api.GET("/api/v1/shops/{id}/verification", { params: { path: { id } } }));
}

export function uploadDocument(id: string, file: File): Promise<ShopDocument> {
  return unwrap(
    api.POST("/api/v1/shops/{id}/verification/documents", {
      params: { path: { id } },
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { "Content-Type": file.type || "application/octet-stream" },
    }),
  );
}

export function submitVerification(id: string, documentIds: string[], message: string) {
  return unwrap(
    api.POST("/api/v1/shops/{id}/verification", {
      params: { path: { id } },
      body: { documentIds, ...(message.trim() ? { message: message.trim() } : {}) },
    }),
  );
}

export type VerificationState = Awaited<ReturnType<typeof loadVerification>>;

export type ShopChange = Schemas["UpdateShop"];

/** PATCH /shops/:id: the contact goes whole (the server replaces it as sent, pickup address included). */
export function updateShop(id: string, body: ShopChange): Promise<Shop> {
  return unwrap(api.PATCH("/api/v1/shops/{id}", { params: { path: { id } }, body }));
}

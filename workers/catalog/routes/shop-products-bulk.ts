import type { RouteHandler } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { IdParamSchema } from "../../../schemas/identity";
import { BulkUpdateReportSchema } from "../../../schemas/seller-products";
import type { AppEnv } from "../../app-env";
import { translateDetail } from "../../i18n/problem-details";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { limitWrites } from "../../middleware/write-limits";
import { idempotent } from "../../platform/idempotency";
import { newId } from "../../platform/ids";
import { problemLocale } from "../../platform/locale";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { bulkUpdateProducts } from "../bulk-update";

/** Idempotency when the client sends a key (a retried upload then replays its report), none otherwise. */
const idempotentWhenKeyed = createMiddleware<AppEnv>((c, next) =>
  c.req.header("Idempotency-Key") ? idempotent(c, next) : next(),
);

export const bulkUpdateProductsRoute = defineRoute({
  method: "post",
  path: "/api/v1/shops/{id}/products/bulk",
  tags: ["Catalog"],
  summary: "Bulk price and stock update from a CSV (owner)",
  description: [
    "The body is a CSV (`Content-Type: text/csv`, at most BULK_CSV_MAX_BYTES and BULK_CSV_MAX_ROWS rows). The first line names the columns: `sku`, and `price` and/or `stock` (optional `variant_sku`). `sku` is a product's or a variant's SKU in this shop; `price` is in major units of the shop's currency (129.50; whole units for IDR and VND); `stock` is the units on hand. An empty cell leaves that value unchanged.",
    "All or nothing: every row is checked first; if any row is refused (unknown SKU, bad price or stock, stock below the units unpaid orders hold, a SKU listed twice), nothing is applied and the report lists each refused row (its line number, SKU, a code and the reason, in the language of the request or else the account). Otherwise every row is applied.",
    "An `Idempotency-Key` is optional: with one, a retry of the same file replays the first report (and a request that died mid-way finishes the job), the same key with another file is 422.",
  ].join("\n\n"),
  security: bearerAuth,
  middleware: [requireAuth, idempotentWhenKeyed, limitWrites("shop")] as const,
  request: {
    params: IdParamSchema,
    body: {
      required: true,
      content: { "text/csv": { schema: { type: "string", example: "sku,price,stock\nTEE-RED-M,199.00,25\n" } } },
    },
  },
  responses: { 200: jsonResponse("What was applied, or what was refused and why", BulkUpdateReportSchema) },
  errors: [400, 401, 403, 404, 413, 415],
});

export const bulkUpdateProductsHandler: RouteHandler<typeof bulkUpdateProductsRoute, AppEnv> = async (c) => {
  const report = await bulkUpdateProducts(c.env, {
    origin: new URL(c.req.url).origin,
    userId: currentAuth(c).userId,
    shopId: c.req.valid("param").id,
    uploadId: c.req.header("Idempotency-Key") ?? newId("bulk"),
    request: { headers: c.req.raw.headers, bytes: () => c.req.arrayBuffer() },
    limits: c.get("config").sellerUploads,
  });
  // Each refused row's reason in the seller's language (the problem details' tables and rules).
  const locale = problemLocale(c);
  const refused = report.refused.map(({ reason: detail, ...r }) => ({ ...r, reason: translateDetail(detail, locale) }));
  return c.json({ ...report, refused }, 200);
};

import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { binaryBody } from "../../../schemas/media";
import { ShopDocumentSchema } from "../../../schemas/shop-verification";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { limitWrites } from "../../middleware/write-limits";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { presentDocument, uploadDocument } from "../documents";

export const uploadShopDocumentRoute = defineRoute({
  method: "post",
  path: "/api/v1/shops/{id}/verification/documents",
  tags: ["Shops"],
  summary: "Upload a business verification document (owner)",
  description:
    "The raw bytes of a PDF, JPEG or PNG (recognised by their bytes) up to SHOP_DOCUMENT_MAX_BYTES; 413 past that, 415 for other types. The document is private: its `url` serves only the shop's owner and admins, with their bearer token. Send it for review with POST /shops/{id}/verification.",
  security: bearerAuth,
  middleware: [requireAuth, limitWrites("mediaUpload")] as const,
  request: {
    params: IdParamSchema,
    body: { required: true, content: { "application/pdf": { schema: binaryBody }, "image/*": { schema: binaryBody } } },
  },
  responses: { 201: jsonResponse("The stored document", ShopDocumentSchema) },
  errors: [401, 403, 404, 409, 413, 415],
});

export const uploadShopDocumentHandler: RouteHandler<typeof uploadShopDocumentRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const row = await uploadDocument(c.env, c.req.raw, c.req.valid("param").id, userId, c.get("config").sellerUploads);
  return c.json(presentDocument(row), 201);
};

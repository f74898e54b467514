import type { RouteHandler } from "@hono/zod-openapi";
import { binaryBody } from "../../../schemas/media";
import { ShopDocumentParamsSchema } from "../../../schemas/shop-verification";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute } from "../../platform/openapi";
import { readDocument } from "../documents";

export const getShopDocumentRoute = defineRoute({
  method: "get",
  path: "/api/v1/shops/{id}/verification/documents/{documentId}",
  tags: ["Shops"],
  summary: "A verification document's bytes (owner, admins)",
  description:
    "Served with `Cache-Control: private, no-store` as a download. Anyone but the shop's owner and admins gets 404, as for an unknown id.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: ShopDocumentParamsSchema },
  responses: {
    200: { description: "The bytes", content: { "application/octet-stream": { schema: binaryBody } } },
  },
  errors: [401, 404],
});

export const getShopDocumentHandler: RouteHandler<typeof getShopDocumentRoute, AppEnv> = async (c) => {
  const { id, documentId } = c.req.valid("param");
  const { object } = await readDocument(c.env, id, documentId, currentAuth(c));
  const headers = new Headers();
  object.writeHttpMetadata(headers);
  headers.set("Cache-Control", "private, no-store");
  headers.set("Content-Disposition", "attachment");
  headers.set("Content-Length", String(object.size));
  return new Response(object.body, { status: 200, headers }) as never;
};

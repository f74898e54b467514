import type { RouteHandler } from "@hono/zod-openapi";
import { pageOf } from "../../../schemas/platform";
import { ShopVerificationRequestSchema, VerificationQueueQuerySchema } from "../../../schemas/shop-verification";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { verificationQueue } from "../verification";

export const listVerificationsRoute = defineRoute({
  method: "get",
  path: "/api/v1/admin/shop-verifications",
  tags: ["Admin"],
  summary: "Shop verification requests by status, oldest first (admins)",
  description:
    "`status` defaults to `pending`: the review queue. Each document's `url` serves admins with their token.",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: { query: VerificationQueueQuerySchema },
  responses: {
    200: jsonResponse("A page of requests", pageOf(ShopVerificationRequestSchema, "ShopVerificationRequestPage")),
  },
  errors: [401, 403],
});

export const listVerificationsHandler: RouteHandler<typeof listVerificationsRoute, AppEnv> = async (c) =>
  c.json(await verificationQueue(c.env, c.req.valid("query")), 200);

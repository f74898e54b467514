import type { RouteHandler } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { IdParamSchema } from "../../../schemas/identity";
import { CreateReturnSchema, ReturnSchema } from "../../../schemas/returns";
import type { AppEnv } from "../../app-env";
import { orderFor } from "../../orders";
import { idempotent } from "../../platform/idempotency";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { presentReturn } from "../present";
import { requestReturn } from "../request";

/** Someone with no access to the order is told so before anything about the request (its key, its body). */
const orderAccessFirst = createMiddleware<AppEnv>(async (c, next) => {
  await orderFor(c, c.req.param("id") ?? "");
  await next();
});

export const createReturnRoute = defineRoute({
  method: "post",
  path: "/api/v1/orders/{id}/returns",
  tags: ["Returns"],
  summary: "Ask to return items of a delivered order (its buyer; Idempotency-Key)",
  description:
    "Within RETURN_WINDOW_DAYS (7 by default) of delivery; later, or an order not delivered, is 409 invalid_transition. More units than bought and not yet returned is 422. mediaIds are the buyer's own pictures (POST /api/v1/media). refundAmount is the exact share of what was paid for these units (their prices less their share of the discount, with their share of the tax); the shipping is refunded with the return that takes back the order's last units (fullReturn).",
  security: [...bearerAuth, {}],
  middleware: [orderAccessFirst, idempotent] as const,
  request: { params: IdParamSchema, ...jsonBody(CreateReturnSchema) },
  responses: { 201: jsonResponse("The requested return", ReturnSchema) },
  errors: [400, 403, 404, 409, 422],
});

export const createReturnHandler: RouteHandler<typeof createReturnRoute, AppEnv> = async (c) => {
  const standing = await orderFor(c, c.req.valid("param").id);
  const ret = await requestReturn(c, standing, c.req.valid("json"));
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return c.json(presentReturn(ret, standing.order.number), 201);
};

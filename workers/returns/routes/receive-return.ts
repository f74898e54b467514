import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { ReturnSchema } from "../../../schemas/returns";
import type { AppEnv } from "../../app-env";
import { requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { returnForShop } from "../access";
import { presentReturn } from "../present";
import { receiveReturn } from "../receive";

export const receiveReturnRoute = defineRoute({
  method: "post",
  path: "/api/v1/returns/{id}/received",
  tags: ["Returns"],
  summary: "The shop got the items back (its owner): restocked, and refundAmount refunded once",
  description:
    "Only an approved return. The units go back to stock and exactly refundAmount is refunded through the payment's gateway (or into the wallet it was paid from), once, however often this is sent. A return of the order's last units moves the order to returned then refunded. Status `refunded` once the gateway accepted; `received` while the refund is still on its way (retried by the minute cron).",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse("The return", ReturnSchema) },
  errors: [401, 403, 404, 409],
});

export const receiveReturnHandler: RouteHandler<typeof receiveReturnRoute, AppEnv> = async (c) => {
  const standing = await returnForShop(c, c.req.valid("param").id);
  const ret = await receiveReturn(c.env, standing);
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return c.json(presentReturn(ret, standing.order.number), 200);
};

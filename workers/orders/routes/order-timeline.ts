import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { TimelineSchema } from "../../../schemas/orders";
import type { AppEnv } from "../../app-env";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { orderFor } from "../access";
import { timelineOf } from "../transitions";

export const orderTimelineRoute = defineRoute({
  method: "get",
  path: "/api/v1/orders/{id}/timeline",
  tags: ["Orders"],
  summary: "Everything that happened to the order: who, when, why",
  security: [...bearerAuth, {}],
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse("Timeline, oldest first", TimelineSchema) },
  errors: [403, 404],
});

export const orderTimelineHandler: RouteHandler<typeof orderTimelineRoute, AppEnv> = async (c) => {
  const { order } = await orderFor(c, c.req.valid("param").id);
  return c.json({ items: await timelineOf(database(c.env), order.id) }, 200);
};

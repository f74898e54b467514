import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { ChangeShippingAddressSchema } from "../../../schemas/order-address";
import { OrderSchema } from "../../../schemas/orders";
import type { AppEnv } from "../../app-env";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { orderFor } from "../access";
import { changeShippingAddress } from "../address-change";
import { presentOrders } from "../present";

export const changeShippingAddressRoute = defineRoute({
  method: "patch",
  path: "/api/v1/orders/{id}/shipping-address",
  tags: ["Orders"],
  summary: "Change the delivery address before the order ships (its buyer)",
  description:
    "A saved address (shippingAddressId) or one inline, validated as at checkout, in the order's country. Once shipped: 409 invalid_transition. The change is on the order's timeline.",
  security: [...bearerAuth, {}],
  request: { params: IdParamSchema, ...jsonBody(ChangeShippingAddressSchema) },
  responses: { 200: jsonResponse("The order with its new address", OrderSchema) },
  errors: [403, 404, 409, 422],
});

export const changeShippingAddressHandler: RouteHandler<typeof changeShippingAddressRoute, AppEnv> = async (c) => {
  const standing = await orderFor(c, c.req.valid("param").id);
  const updated = await changeShippingAddress(c, standing, c.req.valid("json"));
  const [presented] = await presentOrders(c.env, database(c.env), [updated]);
  return c.json(presented, 200);
};

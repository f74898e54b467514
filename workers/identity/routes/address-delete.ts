import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, noContent } from "../../platform/openapi";
import { removeAddress } from "../address-book";

export const deleteAddressRoute = defineRoute({
  method: "delete",
  path: "/api/v1/users/me/addresses/{id}",
  tags: ["Users"],
  summary: "Delete an address",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema },
  responses: { 204: noContent },
  errors: [401, 404],
});

export const deleteAddressHandler: RouteHandler<typeof deleteAddressRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  await removeAddress(database(c.env), userId, c.req.valid("param").id);
  return c.body(null, 204);
};

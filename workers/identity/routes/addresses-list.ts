import type { RouteHandler } from "@hono/zod-openapi";
import { AddressSchema } from "../../../schemas/identity";
import { PageQuerySchema, pageOf } from "../../../schemas/platform";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { listAddresses } from "../address-book";

export const listAddressesRoute = defineRoute({
  method: "get",
  path: "/api/v1/users/me/addresses",
  tags: ["Users"],
  summary: "The caller's delivery addresses",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { query: PageQuerySchema },
  responses: { 200: jsonResponse("A page of addresses", pageOf(AddressSchema, "AddressPage")) },
  errors: [401],
});

export const listAddressesHandler: RouteHandler<typeof listAddressesRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  return c.json(await listAddresses(c.env, database(c.env), userId, c.req.valid("query")), 200);
};

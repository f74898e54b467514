import type { RouteHandler } from "@hono/zod-openapi";
import { AddressPatchSchema, AddressSchema, IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { changeAddress } from "../address-book";

export const updateAddressRoute = defineRoute({
  method: "patch",
  path: "/api/v1/users/me/addresses/{id}",
  tags: ["Users"],
  summary: "Change an address",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema, ...jsonBody(AddressPatchSchema) },
  responses: { 200: jsonResponse("The updated address", AddressSchema) },
  errors: [401, 404],
});

export const updateAddressHandler: RouteHandler<typeof updateAddressRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { id } = c.req.valid("param");
  return c.json(await changeAddress(c.env, database(c.env), userId, id, c.req.valid("json")), 200);
};

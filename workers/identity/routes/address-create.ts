import type { RouteHandler } from "@hono/zod-openapi";
import { AddressInputSchema, AddressSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { limitWrites } from "../../middleware/write-limits";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { addAddress } from "../address-book";

export const createAddressRoute = defineRoute({
  method: "post",
  path: "/api/v1/users/me/addresses",
  tags: ["Users"],
  summary: "Add a delivery address",
  description: "The postal code and phone are checked for the address's country. The first address becomes primary.",
  security: bearerAuth,
  middleware: [requireAuth, limitWrites("address")] as const,
  request: jsonBody(AddressInputSchema),
  responses: { 201: jsonResponse("The new address", AddressSchema) },
  errors: [401, 409],
});

export const createAddressHandler: RouteHandler<typeof createAddressRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  return c.json(await addAddress(c.env, database(c.env), userId, c.req.valid("json")), 201);
};

import type { RouteHandler } from "@hono/zod-openapi";
import { PublicUserSchema, UserLookupQuerySchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { limitWrites } from "../../middleware/write-limits";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { findPersonByPhone } from "../people-lookup";

export const userLookupRoute = defineRoute({
  method: "get",
  path: "/api/v1/users/lookup",
  tags: ["Users"],
  summary: "Find a person by phone number (to start a chat)",
  description:
    "The active account that signs in with this number: its id, display name and avatar only (never its phone or email). 404 when no active account uses the number; 422 `invalid_phone` with the country's format; your own number is 422. Rate limited per account and network (WRITE_LIMIT_USER_LOOKUP) so numbers cannot be walked through.",
  security: bearerAuth,
  middleware: [requireAuth, limitWrites("userLookup")] as const,
  request: { query: UserLookupQuerySchema },
  responses: { 200: jsonResponse("The person found", PublicUserSchema) },
  errors: [401, 404],
});

export const userLookupHandler: RouteHandler<typeof userLookupRoute, AppEnv> = async (c) => {
  const person = await findPersonByPhone(c.env, database(c.env), currentAuth(c).userId, c.req.valid("query"));
  return c.json(person, 200);
};

import type { RouteHandler } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { addresses } from "../../../d1/schema/identity";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute, noContent } from "../../platform/openapi";
import { keepOnePrimary } from "../addresses";

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
  const { id } = c.req.valid("param");
  const db = database(c.env);
  const [deleted] = await db.batch([
    db
      .delete(addresses)
      .where(and(eq(addresses.id, id), eq(addresses.userId, userId)))
      .returning({ id: addresses.id }),
    keepOnePrimary(db, userId),
  ]);
  if (deleted.length === 0) throw new ApiError("not_found", "You have no address with this id.");
  return c.body(null, 204);
};

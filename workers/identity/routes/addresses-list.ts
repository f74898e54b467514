import type { RouteHandler } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import { and, asc, eq, gt } from "drizzle-orm";
import { addresses } from "../../../d1/schema/identity";
import { AddressSchema } from "../../../schemas/identity";
import { PageQuerySchema, pageOf } from "../../../schemas/platform";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { decodeCursor, toPage } from "../../platform/pagination";
import { presentAddress } from "../addresses";

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
  const { limit, cursor } = c.req.valid("query");
  const after = decodeCursor(cursor, z.string().min(1));
  const rows = await database(c.env)
    .select()
    .from(addresses)
    .where(and(eq(addresses.userId, userId), after ? gt(addresses.id, after) : undefined))
    .orderBy(asc(addresses.id))
    .limit(limit + 1);
  const page = toPage(rows, limit, (r) => r.id);
  return c.json(
    { items: await Promise.all(page.items.map((r) => presentAddress(c.env, r))), nextCursor: page.nextCursor },
    200,
  );
};

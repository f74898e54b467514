import type { RouteHandler } from "@hono/zod-openapi";
import { and, eq, ne } from "drizzle-orm";
import { addresses } from "../../../d1/schema/identity";
import { AddressPatchSchema, AddressSchema, IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { encryptAddress, keepOnePrimary, normalizeAddress, presentAddress } from "../addresses";

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
  const db = database(c.env);
  const row = await db
    .select()
    .from(addresses)
    .where(and(eq(addresses.id, id), eq(addresses.userId, userId)))
    .get();
  if (!row) throw new ApiError("not_found", "You have no address with this id.");
  const { id: _id, ...current } = await presentAddress(c.env, row);
  const next = normalizeAddress({ ...current, ...c.req.valid("json") });
  const isPrimary = next.isPrimary ?? row.isPrimary;
  const update = db
    .update(addresses)
    .set({ country: next.country, detailsEnc: await encryptAddress(c.env, next), isPrimary, updatedAt: nowMs() })
    .where(eq(addresses.id, id));
  const othersUnset = db
    .update(addresses)
    .set({ isPrimary: false })
    .where(and(eq(addresses.userId, userId), ne(addresses.id, id)));
  if (isPrimary && !row.isPrimary) await db.batch([othersUnset, update]);
  else if (!isPrimary && row.isPrimary) await db.batch([update, keepOnePrimary(db, userId, id)]);
  else await update;
  const updated = await db.select().from(addresses).where(eq(addresses.id, id)).get();
  if (!updated) throw new ApiError("not_found", "You have no address with this id.");
  return c.json(await presentAddress(c.env, updated), 200);
};

import type { RouteHandler } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { addresses } from "../../../d1/schema/identity";
import { AddressInputSchema, AddressSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { encryptAddress, normalizeAddress, presentAddress } from "../addresses";

/** Enough for home, work, family and a few pick-up points. */
const MAX_ADDRESSES = 20;

export const createAddressRoute = defineRoute({
  method: "post",
  path: "/api/v1/users/me/addresses",
  tags: ["Users"],
  summary: "Add a delivery address",
  description: "The postal code and phone are checked for the address's country. The first address becomes primary.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: jsonBody(AddressInputSchema),
  responses: { 201: jsonResponse("The new address", AddressSchema) },
  errors: [401, 409],
});

export const createAddressHandler: RouteHandler<typeof createAddressRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const input = normalizeAddress(c.req.valid("json"));
  const db = database(c.env);
  const existing = await db.select({ id: addresses.id }).from(addresses).where(eq(addresses.userId, userId));
  if (existing.length >= MAX_ADDRESSES) {
    throw new ApiError("conflict", `You can keep at most ${MAX_ADDRESSES} addresses. Delete one first.`);
  }
  const isPrimary = input.isPrimary === true || existing.length === 0;
  const now = nowMs();
  const id = newId("adr");
  const insert = db
    .insert(addresses)
    .values({
      id,
      userId,
      country: input.country,
      detailsEnc: await encryptAddress(c.env, input),
      isPrimary,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const [, [row]] = isPrimary
    ? await db.batch([
        db
          .update(addresses)
          .set({ isPrimary: false })
          .where(and(eq(addresses.userId, userId), eq(addresses.isPrimary, true))),
        insert,
      ])
    : [undefined, await insert];
  return c.json(await presentAddress(c.env, row), 201);
};

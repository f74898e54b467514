import { z } from "@hono/zod-openapi";
import { and, asc, eq, gt, ne } from "drizzle-orm";
import { addresses } from "../../d1/schema/identity";
import { type Database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { decodeCursor, type Page, toPage } from "../platform/pagination";
import {
  type Address,
  type AddressInput,
  encryptAddress,
  keepOnePrimary,
  normalizeAddress,
  presentAddress,
} from "./addresses";

/** Enough for home, work, family and a few pick-up points. */
const MAX_ADDRESSES = 20;

const NOT_YOURS = "You have no address with this id.";

/** A page of the user's addresses, oldest first. */
export async function listAddresses(
  env: Env,
  db: Database,
  userId: string,
  options: { limit: number; cursor?: string },
): Promise<Page<Address>> {
  const after = decodeCursor(options.cursor, z.string().min(1));
  const rows = await db
    .select()
    .from(addresses)
    .where(and(eq(addresses.userId, userId), after ? gt(addresses.id, after) : undefined))
    .orderBy(asc(addresses.id))
    .limit(options.limit + 1);
  const page = toPage(rows, options.limit, (r) => r.id);
  return { items: await Promise.all(page.items.map((r) => presentAddress(env, r))), nextCursor: page.nextCursor };
}

/** Adds an address (checked for its country); the first one, or one marked so, becomes primary. */
export async function addAddress(env: Env, db: Database, userId: string, raw: AddressInput): Promise<Address> {
  const input = normalizeAddress(raw);
  const existing = await db.select({ id: addresses.id }).from(addresses).where(eq(addresses.userId, userId));
  if (existing.length >= MAX_ADDRESSES) {
    throw new ApiError("conflict", `You can keep at most ${MAX_ADDRESSES} addresses. Delete one first.`);
  }
  const isPrimary = input.isPrimary === true || existing.length === 0;
  const now = nowMs();
  const insert = db
    .insert(addresses)
    .values({
      id: newId("adr"),
      userId,
      country: input.country,
      detailsEnc: await encryptAddress(env, input),
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
  return presentAddress(env, row);
}

/** Changes an address (fields left out keep their value); primary moves to or from it as asked. */
export async function changeAddress(
  env: Env,
  db: Database,
  userId: string,
  id: string,
  patch: Partial<AddressInput>,
): Promise<Address> {
  const row = await db
    .select()
    .from(addresses)
    .where(and(eq(addresses.id, id), eq(addresses.userId, userId)))
    .get();
  if (!row) throw new ApiError("not_found", NOT_YOURS);
  const { id: _id, ...current } = await presentAddress(env, row);
  const next = normalizeAddress({ ...current, ...patch });
  const isPrimary = next.isPrimary ?? row.isPrimary;
  const update = db
    .update(addresses)
    .set({ country: next.country, detailsEnc: await encryptAddress(env, next), isPrimary, updatedAt: nowMs() })
    .where(eq(addresses.id, id));
  const othersUnset = db
    .update(addresses)
    .set({ isPrimary: false })
    .where(and(eq(addresses.userId, userId), ne(addresses.id, id)));
  if (isPrimary && !row.isPrimary) await db.batch([othersUnset, update]);
  else if (!isPrimary && row.isPrimary) await db.batch([update, keepOnePrimary(db, userId, id)]);
  else await update;
  const updated = await db.select().from(addresses).where(eq(addresses.id, id)).get();
  if (!updated) throw new ApiError("not_found", NOT_YOURS);
  return presentAddress(env, updated);
}

/** Deletes an address; if it was primary, the newest other one becomes primary. */
export async function removeAddress(db: Database, userId: string, id: string): Promise<void> {
  const [deleted] = await db.batch([
    db
      .delete(addresses)
      .where(and(eq(addresses.id, id), eq(addresses.userId, userId)))
      .returning({ id: addresses.id }),
    keepOnePrimary(db, userId),
  ]);
  if (deleted.length === 0) throw new ApiError("not_found", NOT_YOURS);
}

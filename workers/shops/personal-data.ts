import { asc, eq } from "drizzle-orm";
import { shops } from "../../d1/schema/shops";
import type { Shop } from "../../schemas/shops";
import type { Database } from "../platform/db";
import { encryptedColumns } from "../platform/pii-rotation";
import { presentShop } from "./present";

/** The shops the user owns, with their private fields (contact), for the privacy export. */
export async function shopsOwnedBy(env: Env, db: Database, userId: string): Promise<Shop[]> {
  const rows = await db.select().from(shops).where(eq(shops.ownerId, userId)).orderBy(asc(shops.id));
  return Promise.all(rows.map((row) => presentShop(env, row, true)));
}

/** The shops table's PII column (the business contact), for the key rotation. */
export const SHOP_ENCRYPTED_COLUMNS = encryptedColumns(shops, shops.id, [shops.contactEnc]);

import { inArray } from "drizzle-orm";
import { shops } from "../../d1/schema/shops";
import type { Database } from "../platform/db";

/** A shop as others name it: its name and who owns it. */
export interface ShopSummary {
  name: string;
  ownerId: string;
}

const CHUNK = 90;

/** Shops by id (absent ids are absent from the map), one query per 90 ids. */
export async function shopSummaries(db: Database, ids: readonly string[]): Promise<Map<string, ShopSummary>> {
  const out = new Map<string, ShopSummary>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .select({ id: shops.id, name: shops.name, ownerId: shops.ownerId })
      .from(shops)
      .where(inArray(shops.id, unique.slice(i, i + CHUNK)));
    for (const row of rows) out.set(row.id, { name: row.name, ownerId: row.ownerId });
  }
  return out;
}

import { eq } from "drizzle-orm";
import { courierStores } from "../../../d1/schema/logistics";
import { database, nowMs } from "../../platform/db";

/** A shop's store at a courier: the courier's id of it, and the area (GHN district and ward) it was registered for. */
export interface CourierStore {
  storeId: string;
  districtId: number;
  wardCode: string;
}

/** Where couriers keep a shop's store (D1 `courier_stores`; tests may hand in their own). */
export interface CourierStores {
  get(courier: string, shopId: string): Promise<CourierStore | null>;
  put(courier: string, shopId: string, store: CourierStore): Promise<void>;
}

/** One row per courier and shop, its id derived from both. */
export const courierStoreId = (courier: string, shopId: string) => `${courier}:${shopId}`;

export function d1CourierStores(DB: D1Database): CourierStores {
  const db = database({ DB });
  return {
    async get(courier, shopId) {
      const [row] = await db
        .select()
        .from(courierStores)
        .where(eq(courierStores.id, courierStoreId(courier, shopId)))
        .limit(1);
      return row ? { storeId: row.storeId, districtId: row.districtId, wardCode: row.wardCode } : null;
    },
    // An upsert: a shop whose pickup address moved keeps one row, pointing at its new store.
    async put(courier, shopId, store) {
      const now = nowMs();
      await db
        .insert(courierStores)
        .values({ id: courierStoreId(courier, shopId), courier, shopId, ...store, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: courierStores.id, set: { ...store, updatedAt: now } });
    },
  };
}

import { type CartLineRef, cartLineKey } from "../catalog";
import { inventoryKey, stockLevel } from "../inventory";

/** Units available now for each line (one Inventory read per line, all at once), by cartLineKey. */
export async function loadAvailability(env: Env, refs: readonly CartLineRef[]): Promise<Map<string, number>> {
  const unique = [...new Map(refs.map((r) => [cartLineKey(r), r])).values()];
  const levels = await Promise.all(
    unique.map((r) => stockLevel(env, { key: inventoryKey(r.productId, r.variantId) }).then((l) => l.available)),
  );
  return new Map(unique.map((r, i) => [cartLineKey(r), levels[i]]));
}

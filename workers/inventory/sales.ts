import { inventoryStub } from "./keys";
import { range, type StockRef, shardCount } from "./stock";

/**
 * Flash-sale quotas as the Worker sees them. The quota of one (sale, SKU) is held in the SKU's
 * Inventory objects next to its stock; a sharded SKU gives each shard an even share of the quota
 * (spread), so the shards together never grant more than the quota, and a buyer whose home shard
 * ran out of its share pays the normal price even if another shard still has sale units. The
 * per-buyer limit is checked by each shard on its own (one checkout's units of a SKU sit on its
 * home shard unless the stock had to be split).
 */

/** Units of a sale held by live holds and sold at its price, over every shard of the SKU. */
export async function saleUsageOf(env: Env, ref: StockRef, saleId: string): Promise<{ held: number; sold: number }> {
  const usages = await Promise.all(range(shardCount(ref)).map((s) => inventoryStub(env, ref.key, s).saleUsage(saleId)));
  return {
    held: usages.reduce((n, u) => n + u.held, 0),
    sold: usages.reduce((n, u) => n + u.sold, 0),
  };
}

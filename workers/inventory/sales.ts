import { rpcTrace } from "../platform/request-context";
import { inventoryStub } from "./keys";
import type { SaleClaim } from "./object/input";
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

/**
 * The flash-sale units a sold reservation took on these SKUs given back to their sales' quotas
 * (every shard of each: the units sit where they were held). Idempotent: each hold gives its units
 * back once. Answers the units given back by this call.
 */
export async function returnSaleUnitsOf(env: Env, reservationId: string, refs: readonly StockRef[]): Promise<number> {
  const calls = refs.flatMap((ref) =>
    range(shardCount(ref)).map((s) => inventoryStub(env, ref.key, s).returnSaleUnits(reservationId, rpcTrace())),
  );
  const given = await Promise.all(calls);
  return given.reduce((n, u) => n + u, 0);
}

/**
 * How many of `quantity` units a checkout would get at the sale's price now, read without holding
 * anything (a quote): the quota less what live holds and sales take, and the buyer's limit less
 * what they already hold or bought. The checkout itself decides in the object (a race may differ).
 */
export async function quoteSaleUnits(env: Env, ref: StockRef, sale: SaleClaim, quantity: number): Promise<number> {
  const shards = range(shardCount(ref));
  const [usage, mine] = await Promise.all([
    saleUsageOf(env, ref, sale.saleId),
    sale.perUserLimit == null
      ? Promise.resolve([0])
      : Promise.all(shards.map((s) => inventoryStub(env, ref.key, s).buyerSaleUnits(sale.saleId, sale.buyer))),
  ]);
  let units = Math.min(quantity, sale.quota - usage.held - usage.sold);
  if (sale.perUserLimit != null) units = Math.min(units, sale.perUserLimit - mine.reduce((n, u) => n + u, 0));
  return Math.max(0, units);
}
